# The format-spec mini-language, part 2: sign + - space, alternate form #,
# zero padding with 0, and how they combine with ints and floats.
vals = [0, 3, -3, 2.5, -2.5, float("inf"), float("-inf"), float("nan")]
for v in vals:
    print(repr(v), [format(v, s) for s in ["+", "-", " ", "+08", " 08", "08", "+.1f" if isinstance(v, float) else "+d"]])
for v in [0, 10, 255, -255]:
    print([format(v, s) for s in ["#b", "#o", "#x", "#X", "#010b", "#010x", "+#x", " #o"]])
for v in [1.0, 1.5, 100.0]:
    print([format(v, s) for s in ["#.0f", "#g", "#.3g", "#e", "#.0e", "#", ".0f"]])
print(format(-0.0, "+"), format(0.0, "+"), format(-0.0, ".1f"))
