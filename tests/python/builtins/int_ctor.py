# int(): from floats (truncation), strings (whitespace, signs, underscores), bools, __int__/__index__, errors.
print(int(), int(7), int(-7.9), int(7.9), int(-0.5), int(1e20), int(True))
print(int("42"), int("  -42  "), int("+7"), int("1_000_000"), int("\t9\n"), int("007"), int("0"))
print(int("١٢٣"), int(" 12 "))
print(int(2.5e30), int(-1e-30))
for bad in ["", " ", "4.5", "1e3", "0x10", "1__0", "_1", "1_", "abc", "- 1", "++1", "1 2"]:
    try:
        int(bad)
    except ValueError as e:
        print(type(e).__name__, e)
for bad in [float("inf"), float("-inf")]:
    try:
        int(bad)
    except OverflowError as e:
        print(type(e).__name__, e)
try:
    int(float("nan"))
except ValueError as e:
    print(type(e).__name__, e)
for bad in [None, [1], 1j]:
    try:
        int(bad)
    except TypeError as e:
        print(type(e).__name__, e)


class HasInt:
    def __int__(self):
        return 5


class HasIndex:
    def __index__(self):
        return 6


class HasTrunc:
    def __trunc__(self):
        return 7


print(int(HasInt()), int(HasIndex()))
print(int(b"12"), int(bytearray(b" 34 ")))
print(int(x=3) if False else int("5"))
print(type(int(True)).__name__, int(False))
