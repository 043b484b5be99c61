# vars: of instances (live dict), of classes (mappingproxy, read-only), no argument, objects without __dict__.
class C:
    cls_attr = 1

    def __init__(self):
        self.a = 1
        self.b = "two"


c = C()
v = vars(c)
print(v)
v["c"] = 3
print(c.c, vars(c) is c.__dict__)
c.d = 4
print(sorted(vars(c).items()))
cv = vars(C)
print(cv["cls_attr"], "__init__" in cv, type(cv).__name__)
try:
    cv["new"] = 1
except TypeError as e:
    print(type(e).__name__, e)
for bad in [1, "s", [1], object()]:
    try:
        vars(bad)
    except TypeError as e:
        print(type(e).__name__, e)


def local_vars():
    x = 1
    y = [2]
    return sorted(vars().items())


print(local_vars())
top = vars()
print(top["__name__"], "C" in top, top is globals())


class Slotted:
    __slots__ = ("x",)


try:
    vars(Slotted())
except TypeError as e:
    print(type(e).__name__, e)
