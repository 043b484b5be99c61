# The format-spec mini-language through format(): fill, align, sign, #, 0, width, grouping, precision, types.
n = 1234567
for spec in ["", "d", ",", "_", "15,", "<15,", "^15,", ">15", "=+15", "015", "+", " ", "-", "x", "X", "#x", "o", "#o",
             "b", "_b", "#_b", "e", ".2e", "E", "g", "%", ".1%", "n", "012,", "*^20_"]:
    print(repr(spec), repr(format(n, spec)))
x = -1234.5678
for spec in ["", "f", ".0f", ".1f", "10.2f", "<12.2f", "^12.2f", "012.2f", "+.3e", ".3E", "g", ".3g", ".10g", "G",
             "%", ".2%", ",.2f", "_.3f", "=12.1f", " .1f", "#.0f", "#g", ".0e", "n"]:
    print(repr(spec), repr(format(x, spec)))
for v in [0.0, -0.0, 1e-7, 1e16, 123456789.0, float("inf"), float("-inf"), float("nan"), 0.5, 1.5, 2.5]:
    print(repr(v), format(v, ""), format(v, "g"), format(v, ".3f"), format(v, "e"), format(v, "+08.2f"), format(v, ".0f"))
for s in ["x", "héllo", ""]:
    print(repr(format(s, "*<6")), repr(format(s, "-^7")), repr(format(s, ".2")), repr(format(s, ">3.1")))
print(format(2**100, ","), format(-(2**70), "_x"), format(255, "#010x"), format(-255, "#010x"))
print(format(65, "c"), format(0x1F600, "c"), format(1.0, ".0%"), format(1 / 3, ".17g"), format(0.1, ".20f"))
for bad in [",d" if False else "x,", ",x", "c,", ".2d", "+c", ",s"]:
    try:
        print(format(65, bad))
    except ValueError as e:
        print(type(e).__name__, e)
