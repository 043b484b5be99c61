# The format-spec mini-language, part 4: every presentation type — b c d o
# x X n for ints, e E f F g G n % for floats (with ints promoted), s for
# strings, and the default type of each — plus g's switch to exponent.
for t in "bcdoxXn":
    print(t, format(65, t), format(0, t) if t != "c" else format(48, t))
for t in ["e", "E", "f", "F", "g", "G", "n", "%", ""]:
    print(repr(t), format(1234.5, t), format(7, t) if t else format(7, "g"), format(0.000012345, t))
for v in [1e-5, 1e-4, 0.1, 1.0, 123456.0, 1234567.0, 1e16, 1.5e300]:
    print(v, format(v, "g"), format(v, ".3g"), format(v, ".10g"), format(v, ""), format(v, ".3"))
print(format(float("inf"), "F"), format(float("nan"), "E"), format(float("-inf"), "%"), format(float("nan"), "G"))
print(format("str", "s"), format("str", ""), format(True, ""), format(True, "d"), format(None, ""), format([1], ""))
try:
    format(1.5, "c")
except ValueError as e:
    print(type(e).__name__, e)
try:
    format(-1, "c")
except (ValueError, OverflowError) as e:
    print(type(e).__name__, e)
