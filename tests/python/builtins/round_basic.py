# round with no ndigits: banker's rounding of halves, int results, negative numbers, inf/nan errors.
for x in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.4999999, 2.675, 1e20, -0.0, 0.0]:
    print(x, round(x), type(round(x)).__name__)
print(round(7), round(-7), type(round(7)).__name__, round(True))
print(round(10**30), round(1.2345e15 + 0.5))
for bad in [float("inf"), float("-inf")]:
    try:
        round(bad)
    except OverflowError as e:
        print(type(e).__name__, e)
try:
    round(float("nan"))
except ValueError as e:
    print(type(e).__name__, e)
try:
    round("1.5")
except TypeError as e:
    print(type(e).__name__, e)
try:
    round()
except TypeError as e:
    print(type(e).__name__, e)


class R:
    def __round__(self, n=None):
        return ("rounded", n)


print(round(R()), round(R(), 3))
print([round(i + 0.5) for i in range(-4, 5)])
