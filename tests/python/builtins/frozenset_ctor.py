# frozenset(): construction, hashability (dict keys, set members), immutability errors, mixing with set.
f = frozenset([3, 1, 2, 3])
print(sorted(f), len(f), 2 in f, 5 in f, frozenset(), frozenset() == set())
print(frozenset([1, 2]) == {1, 2}, hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
d = {frozenset([1, 2]): "pair"}
print(d[frozenset([2, 1])])
print(type(f | {9}).__name__, type({9} | f).__name__, sorted(f | {9}), sorted(f & {1, 7}))
print(frozenset(f) is f)
try:
    f.add(4)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    frozenset([{1}])
except TypeError as e:
    print(type(e).__name__, e)
nested = frozenset([frozenset([1]), frozenset([1]), frozenset()])
print(len(nested), sorted(len(x) for x in nested))
print(f.union([7]) == frozenset([1, 2, 3, 7]), sorted(f.difference({1})), f.issubset(range(5)))
print(repr(frozenset([5])), repr(frozenset()))
