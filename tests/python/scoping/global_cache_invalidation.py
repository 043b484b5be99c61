# A global or builtin read at one place must follow rebinding, deletion,
# shadowing of a builtin by a new global, and stores through globals().
counter = 0


def read():
    return counter, len("abc")


print(read())
for i in range(3):
    counter = i * 10
    print(read())


def len(x):
    return "shadowed"


print(read())
del len
print(read())
globals()["counter"] = "via globals()"
print(read())
del counter
try:
    read()
except NameError as e:
    print("NameError", e)


def bump():
    global total
    total += 1
    return total


total = 0
print([bump() for _ in range(5)])
import builtins

builtins.my_builtin = "new builtin"


def use_new():
    return my_builtin


print(use_new())
builtins.my_builtin = "changed builtin"
print(use_new())
my_builtin = "global wins"
print(use_new())
