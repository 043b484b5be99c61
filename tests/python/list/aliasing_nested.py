# Aliasing: two names for one list, nested lists shared by *-repetition,
# shallow copies, += mutating in place versus + rebinding.
a = [1, 2, 3]
b = a
b.append(4)
print(a, b, a is b)
c = a[:]
c.append(5)
print(a, c, a is c, a == c[:4])
grid = [[0] * 3] * 3
grid[0][0] = 1
print(grid)
grid = [[0] * 3 for _ in range(3)]
grid[0][0] = 1
print(grid)
x = [1]
y = x
x += [2]
print(x, y, x is y)
x = x + [3]
print(x, y, x is y)
outer = [[1, 2], [3, 4]]
shallow = list(outer)
shallow[0].append(99)
shallow[1] = "replaced"
print(outer, shallow)
def mutate(lst):
    lst.append("m")
    lst = ["new"]
    return lst
orig = []
print(mutate(orig), orig)
self_ref = [1, 2]
self_ref.append(self_ref)
print(self_ref, len(self_ref), self_ref[2][2][0])
d = {"k": []}
alias = d["k"]
alias.append(1)
print(d)
m = [[]] * 2
m[0].append("shared")
print(m, m[0] is m[1])
