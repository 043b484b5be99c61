# len: every built-in container, user __len__, and the errors for bad __len__ results and no length.
print(len(""), len("abc"), len("héllo"), len("\U0001f600"))
print(len([]), len([1, 2, 3]), len(()), len((1,)))
print(len({}), len({"a": 1, "b": 2}), len(set()), len({1, 2, 2, 3}))
print(len(frozenset([1, 1, 2])), len(b"bytes"), len(bytearray(4)))
print(len(range(10)), len(range(0, 10, 3)), len(range(10, 0, -1)), len(range(5, 5)))
print(len(range(-10, 10, 7)), len(range(0)), len(range(1, 0)))


class Sized:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


print(len(Sized(0)), len(Sized(42)))
print(bool(Sized(0)), bool(Sized(3)))
for bad in [-1, 1.5, "3", None]:
    try:
        print(len(Sized(bad)))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
for obj in [5, 3.0, None, object(), iter([1])]:
    try:
        len(obj)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    len()
except TypeError as e:
    print(type(e).__name__, e)
try:
    len([], [])
except TypeError as e:
    print(type(e).__name__, e)
print(len(Sized(True)))
