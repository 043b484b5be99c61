# Attribute lookups repeated at one place in a loop must see every change:
# class attributes and methods patched, added or deleted between
# iterations, instance attributes shadowing methods, properties added
# later, __class__ reassigned, attributes added in different orders.


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


def read_all(objs):
    out = []
    for o in objs:
        out.append((o.x, o.norm1()))
    return out


pts = [Point(i, -i) for i in range(3)]
print(read_all(pts))
Point.norm1 = lambda self: "patched"
print(read_all(pts))
pts[1].norm1 = lambda: "own"
print(read_all(pts))
del Point.norm1
try:
    read_all(pts)
except AttributeError as e:
    print("AttributeError", e)


def getx(o):
    return o.x


p = Point(1, 2)
for _ in range(3):
    getx(p)
Point.x = property(lambda self: "property wins")
print(getx(p))
del Point.x
print(getx(p))


class Other:
    def __init__(self):
        self.x = "other x"

    def norm1(self):
        return "other norm"


Point.norm1 = lambda self: "restored"
q = Point(5, 6)
print(read_all([q, q]))
q.__class__ = Other
print(read_all([q]))


def setxy(o, v):
    o.x = v
    o.y = v


class Slotted:
    def __init__(self):
        self.y = 0
        self.x = 0


a, b = Point(0, 0), Slotted()
for v in range(3):
    setxy(a, v)
    setxy(b, v * 10)
print(a.x, a.y, b.x, b.y, vars(a), vars(b))


class Guarded:
    def __setattr__(self, name, value):
        object.__setattr__(self, name, ("guarded", value))


g = Guarded()
setxy(g, 1)
print(g.x, g.y)
Guarded.__setattr__ = lambda self, n, v: print("refused", n, v)
setxy(g, 2)
print(g.x, g.y)


class Base:
    def who(self):
        return "base"


class Derived(Base):
    pass


d = Derived()
print([d.who() for _ in range(2)])
Derived.who = lambda self: "derived"
print([d.who() for _ in range(2)])
Base.who = lambda self: "base again"
del Derived.who
print([d.who() for _ in range(2)])


class Plain:
    pass


for target in (int, 5, Plain):
    try:
        q.__class__ = target
        print("now", type(q).__name__)
    except TypeError as e:
        print("TypeError", e)


class WithSlots:
    __slots__ = ("x",)


try:
    q.__class__ = WithSlots
except TypeError as e:
    print("TypeError", e)
