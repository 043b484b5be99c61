# Float accumulation in loops: the exact sums produced by IEEE-754 double
# arithmetic, step by step, so an implementation cannot fuse or reorder.
x = 0.0
for i in range(10):
    x += 0.1
    print(i, x)
y = 1.0
for i in range(12):
    y = y * 1.7 - 0.3
print(y)
z = 1.0
for i in range(60):
    z /= 3.0
print(z)
h = 0.0
for k in range(1, 101):
    h += 1.0 / k
print(h)
s = 0.0
for k in range(1, 1001):
    s += (-1.0) ** (k + 1) / (2 * k - 1)
print(s * 4)
a, b = 1.0, 0.0
for _ in range(30):
    a, b = a + b, a
print(a, b, a / b)
