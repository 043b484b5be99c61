# set(): from iterables with duplicates, equality of 1/1.0/True, unhashable elements, set operations.
print(sorted(set([3, 1, 3, 2, 1])), set(), len(set("mississippi")), sorted(set("mississippi")))
print(set([1, 1.0, True]), len({0, 0.0, False, -0.0}))
print(sorted(set(range(5)) | {10}), sorted({1, 2, 3} & {2, 3, 4}), sorted({1, 2, 3} - {2}), sorted({1, 2} ^ {2, 3}))
print({1, 2} <= {1, 2, 3}, {1, 2} < {1, 2}, {1, 2, 3} >= {3}, {1}.isdisjoint({2}), set() == set())
s = set()
s.add(5)
s.add(5)
s.update([6, 7], (8,))
print(sorted(s))
s.discard(100)
s.remove(5)
print(sorted(s))
try:
    s.remove(100)
except KeyError as e:
    print(type(e).__name__, e)
try:
    set([[1]])
except TypeError as e:
    print(type(e).__name__, e)
try:
    {1, 2} + {3}
except TypeError as e:
    print(type(e).__name__, e)
try:
    set(5)
except TypeError as e:
    print(type(e).__name__, e)
p = {4}
print(p.pop(), p)
try:
    p.pop()
except KeyError as e:
    print(type(e).__name__, e)
print(sorted({(1, 2), (1, 2), (2, 1)}), {frozenset([1])} == {frozenset([1])})
x = {1, 2, 3}
x |= {4}
x &= {2, 3, 4, 5}
x -= {3}
print(sorted(x), sorted({i % 4 for i in range(20)}))
