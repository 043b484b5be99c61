# format() builtin and __format__: defaults per type, a class with its own
# mini-language, inheritance of int's __format__ by subclasses, and
# format of bools (int rules with a spec, str without).
class Temp:
    def __init__(self, c):
        self.c = c
    def __format__(self, spec):
        unit = spec[-1] if spec and spec[-1] in "CF" else "C"
        num_spec = spec[:-1] if spec and spec[-1] in "CF" else spec
        value = self.c if unit == "C" else self.c * 9 / 5 + 32
        return format(value, num_spec or ".1f") + "°" + unit
t = Temp(21.5)
print(format(t), format(t, "F"), format(t, ".0C"), f"{t:>8.2F}", "{:C}".format(t))
class Code(int):
    pass
print(format(Code(255), "x"), f"{Code(7):03d}", format(Code(5)), repr(Code(5)))
print(format(True), format(True, ""), format(True, "d"), format(False, "5"), format(True, ">6"), format(True, "x"))
print(format(None), format([1, 2]), format((1,)), format({"a": 1}))
for v, spec in [(None, "5"), ([1], ">5")]:
    try:
        format(v, spec)
    except TypeError as e:
        print(type(e).__name__, e)
print(format(3), format(3.0), format("s"), format(3, ""), format(-3, "+"), format(3 + 0, "b"))
