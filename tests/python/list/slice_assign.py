# Slice assignment and deletion: growing, shrinking, inserting with empty
# slices, extended slices with steps that need exact lengths, and del.
a = list(range(10))
a[2:5] = ["x"]
print(a)
a[1:1] = [100, 101]
print(a)
a[:] = a[::-1]
print(a)
a[-2:] = []
print(a)
a[len(a):] = [7, 8]
print(a)
b = list(range(10))
b[::2] = "abcde"
print(b)
b[1::3] = [None] * 3
print(b)
try:
    b[::2] = [1, 2]
except ValueError as e:
    print(type(e).__name__, e)
try:
    b[::-1] = []
except ValueError as e:
    print(type(e).__name__, e)
c = list(range(10))
del c[::3]
print(c)
del c[-1::-2]
print(c)
del c[1:3]
print(c)
del c[:]
print(c)
d = [1, 2, 3]
d[5:10] = [9]
print(d)
d[-10:1] = [0]
print(d)
d[1:2] = range(3)
print(d)
e = list(range(6))
e[4:1:-1] = "XYZ"
print(e)
try:
    e[0:2] = 5
except TypeError as e2:
    print(type(e2).__name__, e2)
f = [1, 2, 3]
f[1:2] = f
print(f)
g = list(range(5))
del g[10:]
del g[-100:1]
print(g)
try:
    del g[10]
except IndexError as ex:
    print(type(ex).__name__, ex)
try:
    g[10] = 1
except IndexError as ex:
    print(type(ex).__name__, ex)
