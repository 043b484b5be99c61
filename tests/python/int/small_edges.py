# Int identity-free edge cases: negation and abs at the 64-bit boundary,
# repeated increments across it, hashing-visible equality, int() of ints.
lo = -(2 ** 63)
hi = 2 ** 63 - 1
print(-lo, abs(lo), lo - 1, hi + 1, hi * -1, lo * -1, lo // -1)
n = hi - 3
for _ in range(6):
    n += 1
    print(n, type(n).__name__)
n = lo + 3
for _ in range(6):
    n -= 1
    print(n)
print(hi * hi, lo * lo, hi * lo)
s = 0
for i in range(50):
    s = s * 31 + i
print(s)
print(s % (2 ** 61 - 1))
print(int(hi), int(-hi), int("-9223372036854775808") == lo)
print(2 ** 62 + 2 ** 62 == 2 ** 63, (2 ** 63) - (2 ** 62) == 2 ** 62)
print(-(2 ** 62) - 2 ** 62 == lo, lo + lo)
x = 1
for i in range(70):
    x = x * 2
print(x, x >> 69, x - 1)
