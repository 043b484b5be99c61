# sum: ints, floats, start (positional and keyword), lists and tuples with a start, refused str/bytes.
print(sum([]), sum([1, 2, 3]), sum(range(101)))
print(sum([1, 2, 3], 10), sum([1, 2], start=100))
print(sum([0.1] * 10), sum([1, 0.5]), sum([True, True, False]))
print(sum([[1], [2, 3], []], []))
print(sum([(1,), (2,)], ()))
print(sum(x * x for x in range(10)))
print(sum([10**20, 10**20, -1]))
print(sum([1e308, 1e308]), sum([float("inf"), 1]))
print(sum([1, 2], 0.5))
print(sum([], 7), sum([], start=[]))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print(type(e).__name__, e)
try:
    sum([b"a"], b"")
except TypeError as e:
    print(type(e).__name__, e)
try:
    sum(["a", "b"])
except TypeError as e:
    print(type(e).__name__, e)
try:
    sum(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    sum([[1]])
except TypeError as e:
    print(type(e).__name__, e)
try:
    sum()
except TypeError as e:
    print(type(e).__name__, e)


class V:
    def __init__(self, x):
        self.x = x

    def __add__(self, other):
        return V(self.x + (other.x if isinstance(other, V) else other))

    __radd__ = __add__


print(sum([V(1), V(2), V(3)]).x)
