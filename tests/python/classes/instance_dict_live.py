# An instance's __dict__ is a live dict: writes through it are attributes,
# attributes set later appear in it, `del` and `__dict__ = {...}` work, and
# instances that share a class keep working whether or not their dict was
# asked for (attribute caches must not confuse them); `del obj.__dict__`
# empties it. A class's __dict__ is a read-only mappingproxy that reads the
# live namespace.
class Point:
    kind = "point"

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


def read_all(points):
    return [(p.x, p.y, p.norm1()) for p in points]


plain = [Point(i, -i) for i in range(3)]
d = plain[1].__dict__
print(d, d is plain[1].__dict__, d is vars(plain[1]))
d["x"] = 10
d["z"] = "new"
plain[1].y = 20
print(plain[1].x, plain[1].z, d, read_all(plain))
del plain[1].z
print("z" in d, hasattr(plain[1], "z"), sorted(plain[1].__dict__))
d.clear()
print(hasattr(plain[1], "x"), plain[1].__dict__)
plain[1].__dict__ = {"x": 7, "y": 8}
print(read_all(plain), vars(plain[1]))
for _ in range(3):
    for p in plain:
        p.x += 1
print(read_all(plain))
try:
    plain[0].__dict__ = [1]
except TypeError as e:
    print(type(e).__name__, e)
del plain[0].__dict__
print(plain[0].__dict__, hasattr(plain[0], "x"), read_all(plain[1:]))


class WithSlots:
    __slots__ = ("a", "__dict__")


w = WithSlots()
w.a = 1
w.b = 2
print(w.__dict__, w.a, w.b)
w.__dict__["c"] = 3
print(w.c, sorted(vars(w)))

ns = Point.__dict__
print(type(ns).__name__, ns["kind"], "norm1" in ns, "missing" in ns, ns.get("kind"), ns.get("nope", 0))
Point.extra = 5
print(ns["extra"], len(ns) == len(dict(ns)), sorted(k for k in ns if not k.startswith("__")))
print(ns == dict(ns), dict(ns) == ns, ns != dict(ns), sorted(ns.keys())[-2:], "point" in ns.values())
for bad in ["set", "delete"]:
    try:
        if bad == "set":
            ns["kind"] = 1
        else:
            del ns["kind"]
    except TypeError as e:
        print(type(e).__name__, e)
try:
    ns["missing"]
except KeyError as e:
    print(type(e).__name__, e)
print(repr(type("E", (), {"__module__": "m"}).__dict__)[:28])
