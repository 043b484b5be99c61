# dataclasses: generated __init__/__repr__/__eq__, defaults, field(default_factory), fields(), asdict, replace.
from dataclasses import dataclass, field, fields, asdict, astuple, replace


@dataclass
class Point:
    x: int
    y: int = 0


@dataclass
class Inventory:
    owner: str
    items: list = field(default_factory=list)
    count: int = field(default=0, repr=False)
    secret: str = field(default="s", compare=False)


p = Point(1, 2)
print(p, Point(5), Point(y=3, x=4), p == Point(1, 2), p == Point(2, 1), p == (1, 2))
a = Inventory("ann")
b = Inventory("bob")
a.items.append("apple")
print(a, b, a.items is b.items)
print(Inventory("x", [], 0, "one") == Inventory("x", [], 0, "two"))
print([(f.name, f.type.__name__ if isinstance(f.type, type) else f.type) for f in fields(Inventory)])
print(asdict(a), astuple(p), replace(p, y=99), p)
try:
    Point()
except TypeError as e:
    print(type(e).__name__, e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print(type(e).__name__, e)
try:
    @dataclass
    class Bad:
        items: list = []
except ValueError as e:
    print(type(e).__name__, e)
try:
    @dataclass
    class Order:
        a: int = 1
        b: int
except TypeError as e:
    print(type(e).__name__, e)


@dataclass
class WithPost:
    w: int
    h: int
    area: int = field(init=False)

    def __post_init__(self):
        self.area = self.w * self.h


print(WithPost(3, 4))


@dataclass
class Child(Point):
    z: int = 7


print(Child(1, 2), Child(1), [f.name for f in fields(Child)])
print(Point.__hash__ is None, hasattr(p, "__dict__"))
