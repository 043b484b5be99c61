# int() of ints and floats (the interpreter's short path) and of what
# leaves it: bools, subclasses, strs, bases, keywords, NaN and infinity.
for x in [0, 7, -7, 2**62 - 1, -2**62, 2**62, 2**100, -2**100, True, False,
          0.0, -0.0, 0.5, -0.5, 1.9999, -1.9999, 1e18, -9.2e18, 9.3e18, 1e300, -1e300, 2.5e-300]:
    r = int(x)
    print(repr(x), r, type(r).__name__)
for x in [float("nan"), float("inf"), float("-inf")]:
    try:
        int(x)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)

class MyFloat(float):
    def __int__(self):
        return 42

class MyInt(int):
    pass

print(int(MyFloat(2.5)), int(MyInt(9)), type(int(MyInt(9))).__name__)
print(int("12"), int(" -3 "), int("ff", 16), int("0b101", 0), int(), int(5.0))
for bad in [("1.5",), (1.5, 10), (None,), ("9", 1)]:
    try:
        int(*bad)
    except (TypeError, ValueError) as e:
        print(bad, type(e).__name__, e)
try:
    int(5, base=10)
except TypeError as e:
    print(type(e).__name__, e)
try:
    int(x=5)
except TypeError as e:
    print(type(e).__name__, e)
