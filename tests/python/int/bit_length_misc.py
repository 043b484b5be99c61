# int methods and attributes: bit_length, bit_count, to_bytes/from_bytes,
# as_integer_ratio, conjugate, real/imag/numerator/denominator, is_integer.
for v in [0, 1, 2, 3, 255, 256, -1, -255, -256, 2 ** 100, -(2 ** 100)]:
    print(v, v.bit_length(), v.bit_count())
print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"), (-1).to_bytes(2, "big", signed=True))
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"), int.from_bytes(b"\xff\xff", "big", signed=True))
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    print(type(e).__name__, e)
try:
    (-1).to_bytes(1, "big")
except OverflowError as e:
    print(type(e).__name__, e)
print((7).as_integer_ratio(), (-7).conjugate(), (5).real, (5).imag, (5).numerator, (5).denominator)
print((12).is_integer() if hasattr(int, "is_integer") else "no is_integer")
print(int.__name__, type(5) is int, isinstance(True, int), int is type(2 ** 100))
print((2 ** 100).bit_length(), (2 ** 100 - 1).bit_length())
print(abs(-2 ** 100).bit_length())
