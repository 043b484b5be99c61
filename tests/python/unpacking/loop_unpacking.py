# Unpacking in for-loop targets and comprehensions: pairs from dict.items,
# enumerate with nested tuples, starred loop targets, and the errors
# raised part-way through a loop when one item has the wrong shape.
scores = {"ann": (90, 85), "bob": (70, 95), "cy": (88, 88)}
for name, (first, second) in scores.items():
    print(name, first + second, max(first, second))
for i, (name, (a, b)) in enumerate(sorted(scores.items()), 1):
    print(i, name, a - b)
rows = [(1, 2, 3, 4), (5, 6), (7,)]
for head, *tail in rows:
    print(head, tail)
for *init, last in rows:
    print(init, last)
print([a * b for a, b in [(1, 2), (3, 4)]], {k: v for k, (v, _) in scores.items()})
items = [(1, 2), (3, 4), (5, 6, 7), (8, 9)]
try:
    for a, b in items:
        print("pair", a, b)
except ValueError as e:
    print(type(e).__name__, e)
try:
    for a, b in [(1, 2), 3]:
        pass
except TypeError as e:
    print(type(e).__name__, e)
matrix = [[1, 2, 3], [4, 5, 6]]
for (a, b, c) in matrix:
    print(a, b, c)
transposed = [list(col) for col in zip(*matrix)]
print(transposed)
