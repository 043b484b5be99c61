# Tuples and lists of ints, floats and strs compared item by item (the
# interpreter's short path), and the cases that leave it: mixed kinds,
# bools, nested sequences, NaN, user objects, different lengths.
import itertools

nan = float("nan")
values = [
    (), (1,), (1, 2), (1, 2, 3), (1, 3), (2,), (-5, 0), (1.5, 2), (1, 2.0),
    (0.0,), (-0.0,), (nan,), (nan, 1), ("a",), ("a", "b"), ("b",), ("é", 1),
    ("日本",), (True,), (1, (2, 3)), (1, (2, 4)), (1, [2]), (2**70,), (2**70, 1),
]
ops = [
    ("<", lambda a, b: a < b), ("<=", lambda a, b: a <= b), ("==", lambda a, b: a == b),
    ("!=", lambda a, b: a != b), (">", lambda a, b: a > b), (">=", lambda a, b: a >= b),
]
def table(a, b):
    row = []
    for name, op in ops:
        try:
            row.append("T" if op(a, b) else "F")
        except TypeError:
            row.append("E")
    return "".join(row)


for a, b in itertools.product(values, repeat=2):
    print(repr(a), repr(b), table(a, b))

# Lists as well, also of different lengths, and a list compared with itself.
lists = [[], [1], [1, 2], [1, 2, 0], [0.5, "x"], [0.5, "y"], ["x", 0.5], [nan], [1, nan]]
for a, b in itertools.product(lists, repeat=2):
    print(a, b, table(a, b))
same = [nan, 1]
print(same == same, same < same, [same] == [same])

# Identical items are equal even when they are NaN (identity first).
t = (nan, 1)
print(t == t, t <= t, (t[0], 2) > (t[0], 1))

# A user object in a tuple takes part through its methods.
class Loud:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        print("eq", self.n, other.n)
        return self.n == other.n
    def __lt__(self, other):
        print("lt", self.n, other.n)
        return self.n < other.n

print((1, Loud(1), 5) < (1, Loud(2), 0))
print((1, 2, Loud(3)) < (1, 3, Loud(4)))
print((1, 2, Loud(3)) == (1, 2, Loud(3)))

# Mixed kinds that cannot be ordered.
for a, b in [((1, "a"), (1, 2)), (("a",), (1,)), ([None], [None, 1]), ([None], [0])]:
    try:
        print(a < b)
    except TypeError as e:
        print(type(e).__name__, e)

# Sorting tuples: stable, with key and reverse.
cells = [(i % 3, -i % 4, str(i % 2)) for i in range(20)]
print(sorted(cells))
print(sorted(cells, reverse=True))
print(sorted(cells, key=lambda c: (c[2], c[0])))
pairs = [(1.5, "b"), (1.5, "a"), (-0.0, "z"), (0.0, "y"), (1, "c")]
print(sorted(pairs))
print(min(pairs), max(pairs))
