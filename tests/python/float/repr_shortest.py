# float repr/str: the shortest string that round-trips, and the switch to
# exponent notation at 1e16 and below 1e-4.
vals = [0.1, 0.2, 0.1 + 0.2, 1.0, 1.5, 2.0 / 3, 1 / 3, 100.0, 123456789.0, 1e15, 1e16, 1e17,
        12345678901234567.0, 1e-4, 1e-5, 0.0001234, 0.00001234, 1e22, 1e23, 5e-324, 1.7976931348623157e308,
        2.5e-10, 3.14159, 1e100, 9007199254740993.0, 0.3, 1.1 * 1.1, 4.35, 9.995, 1e-7]
for v in vals:
    print(repr(v), str(v))
print(-1.0, -0.5, -1e16, -1e-5)
print([0.1, 1e20, -2.5])
print((1.0,), {1.5: 2.25})
print(float("0.1") == 0.1, repr(float("1e16")), repr(float("1234.5e-2")))
for s in ["1.0", "  -2.5  ", "1e3", "1E-3", "+.5", "5.", "1_000.5", "inf", "-Infinity", "nan", "NaN", "-nan", "0x10"]:
    try:
        print(repr(s), repr(float(s)))
    except ValueError as e:
        print(type(e).__name__, e)
print(float(10), float(-3), float(True), float(2 ** 70), float())
