# Slice assignment that grows and shrinks a list in a hot loop, and
# extended-slice assignment of equal length.
l = list(range(10))
for i in range(2000):
    if i % 3 == 0:
        l[2:4] = [i, i, i, i]
    elif i % 3 == 1:
        l[1:5] = [i]
    else:
        l[len(l) // 2:] = l[:3]
print(len(l), l)
m = [0] * 8
for i in range(1000):
    m[::2] = [i, i + 1, i + 2, i + 3]
    m[1::2] = m[::2]
    m[-1:] = []
    m.append(i)
print(m)
for i in range(500):
    m[:0] = [i]
    del m[-1]
print(m)
try:
    m[::2] = [1]
except ValueError as e:
    print(e)
try:
    m[1:2] = 5
except TypeError as e:
    print(e)
m[2:2] = m
print(m)
