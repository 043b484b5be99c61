# collections.namedtuple: fields by name and index, repr, _replace, _asdict, _fields, _make, defaults, errors.
from collections import namedtuple

Point = namedtuple("Point", ["x", "y"])
p = Point(1, 2)
print(p, p.x, p[1], p == (1, 2), isinstance(p, tuple), len(p))
x, y = p
print(x + y, p._replace(y=20), p, p._asdict(), Point._fields)
print(Point._make([5, 6]), Point(y=9, x=8), hash(p) == hash((1, 2)))
Color = namedtuple("Color", "red green blue")
print(Color(255, 0, 128), Color._fields)
Opt = namedtuple("Opt", "a b c", defaults=[10, 20])
print(Opt(1), Opt(1, 2, 3), Opt._field_defaults)
R = namedtuple("R", ["def", "x", "x_"], rename=True)
print(R._fields)
try:
    p.x = 5
except AttributeError as e:
    print(type(e).__name__, e)
try:
    Point(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print(type(e).__name__, e)
try:
    p._replace(z=1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    namedtuple("Bad", ["x", "x"])
except ValueError as e:
    print(type(e).__name__, e)
try:
    namedtuple("Bad", ["class"])
except ValueError as e:
    print(type(e).__name__, e)


class Vec(namedtuple("Vec", "x y")):
    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def norm1(self):
        return abs(self.x) + abs(self.y)


v = Vec(1, -2) + Vec(3, 4)
print(v, v.norm1(), sorted([Point(2, 1), Point(1, 5), Point(1, 2)]))
print(Point.__name__, type(p).__name__, p.count(1), p.index(2))
