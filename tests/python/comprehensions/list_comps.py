# List comprehensions: filters, nested for clauses (left-to-right order),
# conditional expressions, comprehensions over comprehensions, and strings.
print([x * x for x in range(8)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([x if x % 2 else -x for x in range(6)])
print([[r * c for c in range(1, 4)] for r in range(1, 4)])
matrix = [[1, 2, 3], [4, 5, 6]]
print([row[i] for i in range(3) for row in matrix])
print([[row[i] for row in matrix] for i in range(3)])
print([cell for row in matrix for cell in row if cell != 4])
print([c.upper() for c in "hello" if c not in "l"])
print([len(w) for w in "the quick brown fox".split()])
print([(i, j, k) for i in range(2) for j in range(2) for k in range(2) if i + j + k == 2])
print([y for y in [x * 2 for x in range(5)] if y > 4])
print([] == [x for x in []], [None for _ in range(3)])
print([f(3) for f in (abs, str, float)])
words = ["apple", "Bob", "cat"]
print([w[0] for w in words], [w for w in words if w[0].isupper()])
print([sum(row) for row in matrix], sum([x for x in range(101)]))
