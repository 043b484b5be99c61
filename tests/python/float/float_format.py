# Formatting floats with format specs: f/e/g/%, precision, width, sign, and
# the default (empty) presentation which matches repr.
v = 1234.56789
for spec in ["", "f", ".2f", "10.3f", "<12.1f", "^12.1f", "+.1f", " .1f", "e", ".3e", "E", "g", ".3g", ".10g",
             "G", "%", ".1%", ",.2f", "_.3f", "015.4f", "#.0f", ".0f", ".0e", "n"]:
    print(repr(spec), repr(format(v, spec)))
for x in [0.0, -0.0, 1e16, 1e-5, 123456789012.0, 0.000123, float("inf"), float("-inf"), float("nan")]:
    print(format(x, ""), format(x, "g"), format(x, ".2e"), format(x, "f"), format(x, ".3"))
print(format(2.5, ".0f"), format(3.5, ".0f"), format(0.125, ".2f"), format(0.375, ".2f"))
print(format(1e300, ".2f")[:20], len(format(1e300, "f")))
print(str(1e16), str(1e-5), f"{1e16}", f"{0.1:.20f}")
