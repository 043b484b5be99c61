# Generator expression scoping and timing: only the first iterable is
# evaluated at creation; later names are looked up when iterated, so
# rebinding them in between changes the result.
factor = 2
data = [1, 2, 3]
g = (x * factor for x in data)
factor = 10
print(list(g))
data = [1, 2, 3]
g = (x for x in data)
data = [7, 8]
print(list(g))
data = [1, 2, 3]
g = (x for x in data)
data.append(4)
print(list(g))
rows = [[1, 2], [3]]
g = (v for row in rows for v in row)
rows.append([99])
print(list(g))
def make():
    base = 100
    return (base + i for i in range(3))
print(list(make()))
gens = [(i * j for j in range(3)) for i in range(3)]
print([list(g) for g in gens])
