# Unbounded integers: +, -, * and comparisons far past 64 bits, and the
# boundaries where a small tagged int must overflow into a big one.
a = 2 ** 64
b = 3 ** 50
print(a, b)
print(a + b, a - b, b - a)
print(a * b)
print(a * a * a)
print(-a * b)
m = 2 ** 62
print(m, m + m, m * 2, m * 4, -m - m)
print(2 ** 63 - 1, 2 ** 63, -(2 ** 63), -(2 ** 63) - 1)
x = 9223372036854775807
print(x + 1, x * x, -x - 2)
print((x + 1) - 1 == x, (x + 1) - 1)
f = 1
for i in range(1, 31):
    f *= i
print("30! =", f)
print(f // (2 ** 20), f % 1000003)
print(a == 18446744073709551616, a != a + 1, a < a + 1, -a < a, b > a)
print(a * 0, a - a, (a - a) == 0)
print(abs(-a), -(-a), +a)
total = 0
for i in range(100):
    total += 10 ** 20 + i
print(total)
print(sum([2 ** 100, -(2 ** 100), 5]))
print(10 ** 40 // 10 ** 39, 10 ** 40 - 10 ** 40 + 7)
print(max(2 ** 70, 2 ** 69), min(-2 ** 70, 2 ** 69))
print(len(str(7 ** 500)))
print(str(-12345678901234567890123)[:6])
