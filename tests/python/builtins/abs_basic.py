# abs: ints (small and big), floats (negative zero, inf, nan), bools, complex, user __abs__, errors.
print(abs(5), abs(-5), abs(0), abs(-0))
print(abs(-10**40), abs(10**40))
print(abs(-2.5), abs(2.5), abs(-0.0), abs(float("-inf")), abs(float("nan")))
print(abs(True), abs(False), type(abs(True)).__name__)
print(abs(-3 + 4j), abs(3j))
print(abs(-(2**63)), abs(-(2**31)))


class Mag:
    def __abs__(self):
        return "magnitude"


print(abs(Mag()))
for bad in ["-1", None, [1]]:
    try:
        abs(bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    abs()
except TypeError as e:
    print(type(e).__name__, e)
