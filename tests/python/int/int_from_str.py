# int() from strings: bases 2..36 and 0, prefixes, underscores, signs,
# surrounding whitespace, and the ValueError for each malformed input.
print(int("42"), int("-42"), int("+7"), int("  12  "), int("\t-3\n"))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0), int("0o17", 0), int("0b101", 0))
print(int("z", 36), int("ZZ", 36), int("777", 8), int("1010", 2), int("12", 3))
print(int("1_000_000"), int("0x_ff", 16), int("0b_1_0", 0))
print(int("0", 0), int("00", 0), int("000", 10))
print(int("123456789012345678901234567890"))
print(int("-" + "9" * 40))
print(int("١٢٣"))
bad = ["", " ", "12a", "1__0", "_1", "1_", "0x", "- 5", "3.0", "1e3", "++1", "0b102"]
for s in bad:
    try:
        print(int(s))
    except ValueError as e:
        print(type(e).__name__, e)
for s, base in [("12", 2), ("9", 8), ("g", 16), ("010", 0), ("0x1", 10)]:
    try:
        print(int(s, base))
    except ValueError as e:
        print(type(e).__name__, e)
for base in (1, 37, -1):
    try:
        int("1", base)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    int(5, 10)
except TypeError as e:
    print(type(e).__name__, e)
print(int(3.9), int(-3.9), int(True), int(), int(b"17"), int(2 ** 80 + 0.0))
try:
    int(float("inf"))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    int(float("nan"))
except ValueError as e:
    print(type(e).__name__, e)
