# Rendering ints: str/repr, bin/oct/hex with signs and big values, and
# format() with base types.
for v in [0, 1, -1, 10, -10, 255, -255, 2 ** 64, -(2 ** 64) - 1]:
    print(str(v), repr(v), bin(v), oct(v), hex(v))
print(format(255, "b"), format(255, "o"), format(255, "x"), format(255, "X"), format(255, "#x"), format(-255, "#b"))
print(format(10 ** 20, ","), format(-1234567, "_"), format(2 ** 40, "_x"))
print(hex(3 ** 100))
print(str(10 ** 100))
print(repr(-0), str(+0))
print(1_000, 0x_1F, 0o17, 0b11, 0XAB, 0O7, 0B1)
