# Nested unpacking and the swap idiom: the right side is fully evaluated
# before any target is assigned, targets bind left to right, and targets
# may be attributes, subscripts and slices.
a, b = 1, 2
a, b = b, a
print(a, b)
a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
lst = [0, 1, 2, 3]
lst[0], lst[3] = lst[3], lst[0]
print(lst)
i = 0
i, lst[i] = 2, "set"
print(i, lst)
((a, b), (c, d)) = ((1, 2), (3, 4))
print(a, b, c, d)
[a, [b, [c]]] = [1, [2, [3]]]
print(a, b, c)
class Box:
    pass
box = Box()
box.x, box.y = "X", "Y"
print(box.x, box.y)
d = {}
d["k"], d["j"] = 1, 2
print(d)
s = list(range(6))
s[1:3], s[-1] = ["a", "b", "c"], "end"
print(s)
x = y = z = [7]
x.append(8)
print(x, y, z, x is z)
p, q = q, p = 1, 2
print(p, q)
for (k, v), n in zip({"a": 1, "b": 2}.items(), range(2)):
    print(k, v, n)
def gen():
    yield 1
    yield 2
g1, g2 = gen()
print(g1, g2)
m, n = "ab"
print(m, n)
k1, k2 = {"first": 1, "second": 2}
print(k1, k2)
