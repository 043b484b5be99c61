# getattr/setattr/hasattr/delattr: instances, classes, defaults, missing names, non-str names, builtins.
class Point:
    kind = "point"

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


p = Point(3, -4)
print(getattr(p, "x"), getattr(p, "kind"), getattr(p, "missing", "dflt"), getattr(p, "missing", None))
print(getattr(p, "norm1")(), getattr(Point, "kind"))
setattr(p, "z", 5)
print(p.z, hasattr(p, "z"), hasattr(p, "w"), hasattr(Point, "z"))
setattr(Point, "kind", "PT")
print(p.kind, Point(0, 0).kind)
delattr(p, "z")
print(hasattr(p, "z"))
try:
    delattr(p, "z")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    getattr(p, "nope")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    getattr(p, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    setattr(p, None, 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    setattr(5, "x", 1)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    getattr(5, "nope")
except AttributeError as e:
    print(type(e).__name__, e)
print(getattr("abc", "upper")(), getattr([1], "__len__")(), hasattr(None, "__class__"))
setattr(p, "with space", 1)
print(getattr(p, "with space"), sorted(vars(p)))


class Raising:
    @property
    def bad(self):
        raise ValueError("inside property")


try:
    hasattr(Raising(), "bad")
except ValueError as e:
    print(type(e).__name__, e)
print(getattr(Raising, "bad").__class__.__name__)
try:
    getattr(p)
except TypeError as e:
    print(type(e).__name__, e)
