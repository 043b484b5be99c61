# int(str, base): bases 2..36, base 0 with prefixes, prefixes allowed with their own base, errors.
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("-0x1A", 16), int("777", 8), int("0o17", 8))
print(int("1010", 2), int("0b1010", 2), int("z", 36), int("Zz", 36), int("10", 36), int("12", 3))
print(int("0x10", 0), int("0o10", 0), int("0b10", 0), int("10", 0), int("0", 0), int("00", 0))
print(int("1_0", 16), int("0x_ff", 16), int(" +0b1 ", 0), int("-10", 7))
print(int("1" * 50, 2), int("f" * 20, 16))
for s, b in [("2", 2), ("8", 8), ("g", 16), ("010", 0), ("0x", 16), ("0b2", 0), ("", 10), ("1.0", 2)]:
    try:
        int(s, b)
    except ValueError as e:
        print(type(e).__name__, e)
for b in [1, 37, -1]:
    try:
        int("1", b)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    int(10, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    int("10", "2")
except TypeError as e:
    print(type(e).__name__, e)
print(int("10", base=4), int(b"ff", 16))
for base in range(2, 37):
    print(base, int("11", base), int("-101", base))
