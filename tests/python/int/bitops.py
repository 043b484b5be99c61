# Bitwise &, |, ^, ~ and shifts on ints of both signs and of any size
# (two's complement with infinite sign extension), and shift errors.
vals = [0, 1, -1, 5, -5, 12, 255, -256, 2 ** 70, -(2 ** 70) + 3]
for a in vals[:6]:
    for b in vals[4:8]:
        print(a, b, a & b, a | b, a ^ b)
for v in vals:
    print(v, ~v, -v - 1 == ~v)
print(1 << 0, 1 << 1, 1 << 63, 1 << 64, 1 << 200)
print(-1 << 70, -3 << 2)
print(256 >> 4, 255 >> 8, -1 >> 5, -256 >> 4, -257 >> 4, (2 ** 100) >> 90, -(2 ** 100) >> 99)
print(5 >> 100, -5 >> 100, 0 << 1000)
try:
    1 << -1
except ValueError as e:
    print(type(e).__name__, e)
try:
    1 >> -2
except ValueError as e:
    print(type(e).__name__, e)
x = 0b1010
x |= 0b0101
print(x)
x &= 0b1100
print(x)
x ^= 0xff
print(x)
x <<= 3
print(x)
x >>= 2
print(x)
print(True & False, True | False, True ^ True, type(True & True).__name__, type(True & 3).__name__)
print(~True, ~False)
print((2 ** 64 - 1) & 0xFFFF, (2 ** 64) | 1, (2 ** 64) ^ (2 ** 64))
