# __slots__: instances get only the listed attributes, no __dict__, an
# AttributeError for others and for unset slots; subclasses without slots
# regain a __dict__; class attributes remain readable.
class Point:
    __slots__ = ("x", "y")
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = Point(1, 2)
print(p.x, p.y, p.dims, Point.__slots__)
p.x = 10
print(p.x)
try:
    p.z = 3
except AttributeError as e:
    print(type(e).__name__, e)
print(hasattr(p, "__dict__"))
class Partial:
    __slots__ = ["a", "b"]
q = Partial()
q.a = 1
try:
    print(q.b)
except AttributeError as e:
    print(type(e).__name__, e)
del q.a
try:
    del q.a
except AttributeError as e:
    print(type(e).__name__, e)
class Sub(Point):
    pass
s = Sub(1, 2)
s.z = 3
print(s.x, s.z, s.__dict__)
class Sub2(Point):
    __slots__ = ("w",)
s2 = Sub2(5, 6)
s2.w = 7
print(s2.x, s2.w, hasattr(s2, "__dict__"))
try:
    s2.v = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    p.dims = 3
except AttributeError as e:
    print(type(e).__name__, e)
class WithDict:
    __slots__ = ("a", "__dict__")
w = WithDict()
w.a, w.other = 1, 2
print(w.a, w.other, w.__dict__)
