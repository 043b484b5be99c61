# Set operators and their method forms on sets of small ints: | & - ^,
# subset/superset comparisons, disjointness, and methods taking iterables.
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b, [9]), a.intersection(b, range(4)), a.difference([1], (2,)), a.symmetric_difference([4, 6]))
print({1, 2} < a, {1, 2} <= a, a < a, a <= a, a > {1}, a >= a, {1, 9} <= a, a == {4, 3, 2, 1}, a != b)
print(a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint(b), a.isdisjoint([7, 8]))
try:
    a | [5]
except TypeError as e:
    print(type(e).__name__, e)
try:
    a < [1]
except TypeError as e:
    print(type(e).__name__, e)
print({1, 2} == frozenset([1, 2]), set() == set(), set() < {0}, set() == frozenset())
c = set(a)
c |= {10}
c &= {1, 2, 10, 11}
c -= {2}
c ^= {1, 20}
print(c)
print(len(a), 3 in a, 7 not in a, sorted(a, reverse=True), min(a), sum(a))
print({x % 3 for x in range(10)}, set(range(5)), set(), {0}, set([1, 1, 1]))
