# Tuple iteration and the sequence protocol: len/min/max/sum, enumerate and
# zip over tuples, `in`, count/index with ranges, conversion round trips,
# and nested tuple unpacking in for loops.
t = (5, 3, 8, 3, 1, 3)
print(len(t), min(t), max(t), sum(t), sorted(t), tuple(reversed(t)), t.count(3), t.index(3), t.index(3, 2), t.index(3, 4, 6))
try:
    t.index(3, 6)
except ValueError as e:
    print(type(e).__name__, e)
for i, v in enumerate(t[:3]):
    print(i, v)
for a, (b, c) in [(1, (2, 3)), (4, (5, 6))]:
    print(a + b + c)
print(list(zip((1, 2, 3), ("a", "b"))), tuple(map(str, t)), tuple(x for x in t if x > 3))
print(tuple(list(t)) == t, list(tuple([1])) == [1], tuple("héllo"), tuple({1: 2}), tuple(range(0)))
print(any(x > 7 for x in t), all(x > 0 for x in t), 8 in t, 9 not in t)
big = tuple(range(1000))
print(big[500], big[-1], len(big[::7]), big[10:13])
