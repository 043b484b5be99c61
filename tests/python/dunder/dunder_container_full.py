# A full user-defined sequence: __len__, __getitem__ with ints and slices
# (returning the same type), __setitem__, __delitem__, __iter__,
# __reversed__, __contains__, __add__/__mul__/__rmul__, __eq__, __repr__,
# and builtins that use these protocols.
class Vector:
    def __init__(self, items=()):
        self._items = list(items)
    def __len__(self):
        return len(self._items)
    def __getitem__(self, i):
        if isinstance(i, slice):
            return Vector(self._items[i])
        return self._items[i]
    def __setitem__(self, i, v):
        self._items[i] = v
    def __delitem__(self, i):
        del self._items[i]
    def __iter__(self):
        return iter(self._items)
    def __reversed__(self):
        return Vector(self._items[::-1]).__iter__()
    def __contains__(self, v):
        return v in self._items
    def __add__(self, other):
        if not isinstance(other, Vector):
            return NotImplemented
        return Vector(self._items + other._items)
    def __mul__(self, n):
        return Vector(self._items * n)
    __rmul__ = __mul__
    def __eq__(self, other):
        return isinstance(other, Vector) and self._items == other._items
    def __repr__(self):
        return f"Vector({self._items})"
v = Vector(range(6))
print(v, len(v), v[2], v[-1], v[1:4], v[::-2], type(v[1:3]).__name__)
v[0] = 100
del v[1]
print(v, 100 in v, 1 in v, list(reversed(v)), sorted(v), sum(v), max(v))
print(v + Vector([7]), v * 2 == 2 * v, Vector() == Vector([]), v == list(v))
try:
    v + [1]
except TypeError as e:
    print(type(e).__name__, e)
a, b, *rest = v
print(a, b, rest, dict(enumerate(v[:2])), list(zip(v, "xyz")))
try:
    v[99]
except IndexError as e:
    print(type(e).__name__, e)
