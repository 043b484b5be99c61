# property misuse: setting a read-only property, deleting without deleter, errors inside getters.
class ReadOnly:
    @property
    def x(self):
        return 1


r = ReadOnly()
try:
    r.x = 2
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del r.x
except AttributeError as e:
    print(type(e).__name__, e)


class NoGetter:
    y = property(None, lambda self, v: None)


try:
    NoGetter().y
except AttributeError as e:
    print(type(e).__name__, e)
NoGetter().y = 5
print("set without getter ok")


class Failing:
    @property
    def broken(self):
        return self.missing_attr

    @property
    def raising(self):
        raise KeyError("deep")

    def __getattr__(self, name):
        return "fallback:" + name


f = Failing()
print(f.broken)
try:
    f.raising
except KeyError as e:
    print(type(e).__name__, e)


class Validated:
    def __init__(self):
        self._n = 0

    @property
    def n(self):
        return self._n

    @n.setter
    def n(self, v):
        if not isinstance(v, int):
            raise TypeError("n must be int, got " + type(v).__name__)
        if v < 0:
            raise ValueError("n must be >= 0")
        self._n = v


v = Validated()
for val in [5, -1, "7", 2.0, 10]:
    try:
        v.n = val
        print("n =", v.n)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(ReadOnly.x.fset, ReadOnly.x.fdel is None, isinstance(ReadOnly.x, property))
