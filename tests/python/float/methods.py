# float methods: as_integer_ratio, is_integer, hex/fromhex, conjugate,
# real/imag, and int() truncation toward zero.
for v in [0.5, 0.1, -2.5, 3.0, 1e10, 2 ** -30, 0.0]:
    print(v, v.as_integer_ratio(), v.is_integer(), v.hex())
print(float.fromhex("0x1.8p1"), float.fromhex("-0x1p-2"), float.fromhex("0x10"), float.fromhex("inf"))
print((1.5).conjugate(), (1.5).real, (1.5).imag)
for v in [2.9, -2.9, 0.99999, -0.0, 1e20]:
    print(v, int(v))
try:
    float("inf").as_integer_ratio()
except OverflowError as e:
    print(type(e).__name__, e)
try:
    float("nan").as_integer_ratio()
except ValueError as e:
    print(type(e).__name__, e)
try:
    float("abc")
except ValueError as e:
    print(type(e).__name__, e)
try:
    float([1])
except TypeError as e:
    print(type(e).__name__, e)
print(float.__name__, isinstance(1.0, float), isinstance(1, float))
