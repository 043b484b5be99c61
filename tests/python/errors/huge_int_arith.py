# Arithmetic on huge integers: products, floor division, modulo, bit operations, gcd, equality identities.
import math

a = 3 ** 50000
b = 7 ** 30000
p = a * b
print(p // a == b, p % a, (p + 1) % a, p.bit_length(), a.bit_length() + b.bit_length() - p.bit_length())
q, r = divmod(a, b)
print(q * b + r == a, 0 <= r < b, r % 1000003)
print((a ^ b) ^ b == a, (a | b) - (a & b) == a ^ b, (a >> 70000) % 1000, (1 << 100000).bit_length())
print(math.gcd(a, 3 ** 40000 * 2) == 3 ** 40000, math.isqrt(a * a) == a, pow(a, 3, 10**9 + 7))
print(-a // b == -(a // b) - 1, (-a) % b == b - a % b, abs(-p) == p)
print(math.factorial(3000) % (10**9 + 7), math.comb(5000, 2500) % 998244353)
print(float(a / b) if a < b * 10**300 else "ratio too big", (a + 0.0) if a.bit_length() < 1024 else "float overflow avoided")
try:
    float(a)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    a / 3
except OverflowError as e:
    print(type(e).__name__, e)
print(a // 3 ** 49999, int(str(2 ** 1000)) == 2 ** 1000, 10 ** 4000 // 10 ** 3999)
