# Ranges whose bounds fit machine words and ranges whose bounds do not,
# and ranges at the border between the two: construction, length, truth,
# iteration, reversal, indexing, slicing, equality and hashing across both.
big = 2**63
edges = [
    (0,), (5,), (-5,), (2, 9), (9, 2), (2, 9, 3), (9, 2, -3), (0, 10, -1),
    (2**62 - 1, 2**62 + 2), (-2**62 - 2, -2**62 + 1), (big - 3, big - 1),
    (-big, -big + 2), (big - 2, big + 2), (0, 2**64, 2**62), (10**20, 10**20 + 3),
    (big - 1, -big, -(2**62)), (True, 4), (False, 3, True),
]
for args in edges:
    r = range(*args)
    print(args, repr(r), bool(r), r.start, r.stop, r.step)
    try:
        print("  len", len(r))
    except OverflowError as e:
        print("  OverflowError", e)
    print("  first", list(r[:3]), "last", list(reversed(r[-2:])))
    print("  iter", [x for _, x in zip(range(3), r)])
    print("  rev", [x for _, x in zip(range(3), reversed(r))])
    if r:
        print("  items", r[0], r[-1], r.index(r[-1]), r.count(r[0]), r[-1] in r)

print(range(0, 10**20)[:3] == range(3), hash(range(0, 10**20)[:3]) == hash(range(3)))
print(range(2**62, 2**62 + 3) == range(2**62, 2**62 + 3, 1))
print(range(big, big) == range(0), range(big - 1, big) == range(big - 1, big + 5, 10))
print(range(5, 0, 2) == range(0), hash(range(5, 0, 2)) == hash(range(0)))
for bad in [(1, 2, 0), (1.0,), ("3",), (), (1, 2, 3, 4), (big, big, 0)]:
    try:
        range(*bad)
    except (TypeError, ValueError) as e:
        print(bad, type(e).__name__, e)
try:
    range(1, 2, step=1)
except TypeError as e:
    print(type(e).__name__, e)
print(sum(range(-big, -big + 1000)), sum(range(big - 1000, big)))
try:
    len(range(-big, big))
except OverflowError as e:
    print(type(e).__name__, e)
