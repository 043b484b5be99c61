# frozenset: immutable and hashable (usable as dict key and set member),
# operations returning the left operand's type, and no mutation methods.
f = frozenset([3, 1, 2])
print(f, type(f).__name__, len(f), 2 in f)
g = frozenset(range(2, 6))
print(f | g, f & g, f - g, f ^ g, type(f | g).__name__)
s = {1, 2}
print(type(s | f).__name__, type(f | s).__name__, s | f, f & s)
d = {f: "frozen", frozenset(): "empty"}
print(d[frozenset([1, 2, 3])], d[frozenset()])
nested = {frozenset([1]), frozenset([1]), frozenset([2])}
print(len(nested), frozenset([1]) in nested)
try:
    f.add(4)
except AttributeError as e:
    print(type(e).__name__, e)
print(frozenset(), frozenset("") == frozenset(), frozenset([1, 2]) == {1, 2}, hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
print(f.union([9]), f.issubset(range(5)), f.copy() == f, sorted(f))
try:
    hash({1})
except TypeError as e:
    print(type(e).__name__, e)
try:
    {{1}}
except TypeError as e:
    print(type(e).__name__, e)
