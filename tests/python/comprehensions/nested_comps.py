# Nested comprehensions: matrices, flattening, comprehensions inside
# comprehension conditions, dict of lists, and the clause order rule
# (the leftmost for is the outermost loop).
n = 4
identity = [[1 if i == j else 0 for j in range(n)] for i in range(n)]
print(identity)
mult = [[i * j for j in range(1, 4)] for i in range(1, 4)]
print(mult, [row[::-1] for row in mult[::-1]])
nested = [[1, [2, 3]], [4], [[5, 6], 7]]
flat = [x for sub in nested for item in sub for x in (item if isinstance(item, list) else [item])]
print(flat)
primes = [p for p in range(2, 40) if all(p % d for d in range(2, int(p ** 0.5) + 1))]
print(primes)
groups = {k: [w for w in ["ant", "bee", "cat", "cow", "ape", "bat"] if w[0] == k] for k in "abc"}
print(groups)
print([(i, j) for i in range(3) for j in range(3) if i < j], [[(i, j) for j in range(i)] for i in range(3)])
words = ["hello", "world", "python"]
print([[c for c in w if c in "aeiou"] for w in words], {w: {c: w.count(c) for c in set(w) if w.count(c) > 1} for w in words})
print(sum(sum(row) for row in mult), max(max(row) for row in mult), [sum(col) for col in zip(*mult)])
