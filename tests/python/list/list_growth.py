# Growing and shrinking lists heavily: many appends and pops, insert at
# the front, extend with generators, and the final contents summarised
# so an implementation's resizing cannot change results.
a = []
for i in range(10000):
    a.append(i * i % 97)
print(len(a), sum(a), a[:5], a[-5:])
while len(a) > 10:
    a.pop()
print(a)
b = []
for i in range(200):
    b.insert(0, i)
print(b[:5], b[-5:], len(b))
b.extend(x for x in range(5))
b[10:190] = []
print(len(b), b)
c = [None] * 1000
for i in range(0, 1000, 3):
    c[i] = i
print(sum(x for x in c if x is not None), c.count(None))
del c[::2]
print(len(c), c[:4])
