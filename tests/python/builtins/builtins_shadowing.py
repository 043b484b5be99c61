# Shadowing builtins: a global or local named like a builtin hides it; del restores it; the builtins module.
import builtins

print(len("abc"))
len = lambda s: "shadowed"
print(len("abc"))
del len
print(len("abc"))


def local_shadow():
    max = 0
    for v in [3, 9, 2]:
        if v > max:
            max = v
    return max


print(local_shadow(), max(1, 5))
print(builtins.len([1, 2]), builtins.max is max, "print" in dir(builtins))
builtins.custom_builtin = "everywhere"
print(custom_builtin)
del builtins.custom_builtin
try:
    custom_builtin
except NameError as e:
    print(type(e).__name__, e)
list = [1, 2, 3]
try:
    list("abc")
except TypeError as e:
    print(type(e).__name__, e)
del list
print(list("ab"), type(builtins.__dict__).__name__, builtins.abs(-2))
