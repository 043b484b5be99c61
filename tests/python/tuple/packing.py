# Tuple packing and unpacking in returns, loops, swaps and nested targets,
# plus tuples holding mutable values compared and printed.
def minmax(xs):
    return min(xs), max(xs)
lo, hi = minmax([4, 9, 1, 7])
print(lo, hi, minmax("hello"))
pairs = [(1, "a"), (2, "b"), (3, "c")]
for n, ch in pairs:
    print(n, ch, end="; ")
print()
for i, (n, ch) in enumerate(pairs):
    print(i, n, ch)
a, b = 1, 2
a, b = b, a
print(a, b)
(a, b), c = (3, 4), 5
print(a, b, c)
t = 1, [2, 3]
n, (p, q) = t
print(n, p, q)
nested = ((1, 2), (3, (4, 5)))
print(nested, nested[1][1][0], len(nested))
print(tuple(x * x for x in range(5)))
empty = ()
print(empty == tuple(), len(empty), bool(empty), bool((0,)))
print(repr((1,)), repr(((),)), repr(("a",)), str((1.5, "x", None)))
