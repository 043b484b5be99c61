# What each comprehension form builds: list keeps duplicates and order,
# set drops duplicates, dict keeps the last value per key in first-key
# order, generator is lazy; conversions between them; empty sources.
src = [3, 1, 3, 2, 1]
lc = [x for x in src]
sc = {x for x in src}
dc = {x: i for i, x in enumerate(src)}
gc = (x for x in src)
print(lc, sorted(sc), dc, type(gc).__name__, list(gc), list(gc))
print(type(lc).__name__, type(sc).__name__, type(dc).__name__)
print([x for x in []], {x for x in ""}, {k: k for k in ()}, list(x for x in range(0)))
print(tuple(x * 2 for x in src), frozenset(x for x in src) == frozenset(sc), dict((x, x * x) for x in range(3)))
print(sorted({x % 3: x for x in range(10)}.items()), len([None for _ in range(1000)]))
print("".join(ch for ch in "a1b2c3" if ch.isalpha()), sum(1 for _ in "hello"), any(x > 2 for x in src))
