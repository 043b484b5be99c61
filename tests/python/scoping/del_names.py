# del of names: local, global and in loops; deleting an undefined name is
# a NameError; del of several targets and of a name bound by a for loop.
a = 1
del a
try:
    a
except NameError as e:
    print(type(e).__name__, e)
try:
    del never_defined
except NameError as e:
    print(type(e).__name__, e)
b, c, d = 1, 2, 3
del b, c
print(d, "b" in globals(), "c" in globals())
def local_del():
    v = [1]
    w = v
    del v
    return w
print(local_del())
for i in range(3):
    tmp = i * 2
    del tmp
try:
    tmp
except NameError as e:
    print(type(e).__name__, e)
x = [1, 2, 3]
y = x
del x
print(y)
def del_then_rebind():
    n = 1
    del n
    n = 2
    return n
print(del_then_rebind())
e1, (e2, e3) = 1, (2, 3)
del (e1, e2), [e3]
print(sorted(k for k in ("e1", "e2", "e3") if k in globals()))
