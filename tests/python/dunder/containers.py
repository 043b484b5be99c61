# Container protocol: __getitem__/__setitem__/__delitem__ with ints,
# slices and tuples as keys, __len__, __contains__, __iter__ fallback to
# __getitem__, __reversed__, and __missing__ on dict subclasses.
class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}
    def __getitem__(self, key):
        print("  get", key)
        if isinstance(key, slice):
            return [self[i, 0] for i in range(*key.indices(self.w))]
        r, c = key
        if not (0 <= r < self.w and 0 <= c < self.h):
            raise IndexError(f"cell {key} out of range")
        return self.cells.get(key, ".")
    def __setitem__(self, key, value):
        print("  set", key, value)
        self.cells[key] = value
    def __delitem__(self, key):
        print("  del", key)
        del self.cells[key]
    def __len__(self):
        return self.w * self.h
    def __contains__(self, value):
        return value in self.cells.values()
g = Grid(3, 2)
g[0, 1] = "x"
g[2, 0] = "y"
print(g[0, 1], g[1, 1], len(g), "x" in g, "z" in g, g[0:3])
del g[0, 1]
try:
    del g[0, 1]
except KeyError as e:
    print(type(e).__name__, e)
try:
    g[5, 5]
except IndexError as e:
    print(type(e).__name__, e)
class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * i
print(list(Seq()), 9 in Seq(), 10 in Seq(), [x for x in Seq()])
a, b, *rest = Seq()
print(a, b, rest)
class Rev:
    def __init__(self, data):
        self.data = data
    def __len__(self):
        return len(self.data)
    def __getitem__(self, i):
        return self.data[i]
    def __reversed__(self):
        return iter(["custom", "reverse"])
print(list(reversed(Rev([1, 2, 3]))))
class RevNoHook:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return "abc"[i]
print(list(reversed(RevNoHook())))
class BadLen:
    def __len__(self):
        return "three"
try:
    len(BadLen())
except TypeError as e:
    print(type(e).__name__, e)
try:
    len(object())
except TypeError as e:
    print(type(e).__name__, e)
try:
    object()[0]
except TypeError as e:
    print(type(e).__name__, e)
