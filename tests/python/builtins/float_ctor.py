# float(): from ints (big too), strings (inf/nan spellings, exponents, underscores, whitespace), errors.
print(float(), float(3), float(-0), float(10**20), float(2**53 + 1), float(True))
print(float("1.5"), float("  -2.25\n"), float("1e3"), float("1E-3"), float(".5"), float("5."), float("+1_000.5"))
print(float("inf"), float("-Infinity"), float("INF"), float("nan"), float("-NaN"), float("infinity"))
print(float("1e400"), float("-1e400"), float("1e-400"), float("0x1p3") if False else float("3.0"))
print(float("123456789012345678901234567890"), float("0.1"), float("1_2.3_4"))
for bad in ["", "abc", "1.2.3", "1e", "--1", "1_", "_1", "in f", "nan1", "0x10", "1 .5"]:
    try:
        float(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    float(10**400)
except OverflowError as e:
    print(type(e).__name__, e)
for bad in [None, [1.0], 1j]:
    try:
        float(bad)
    except TypeError as e:
        print(type(e).__name__, e)


class HasFloat:
    def __float__(self):
        return 2.5


class HasIndex:
    def __index__(self):
        return 9


print(float(HasFloat()), float(HasIndex()))
print(float.fromhex("0x1.8p1"), (0.75).hex(), (1.0).is_integer(), (1.5).as_integer_ratio())
print(float(b"2.5"))
