# math.floor/ceil/trunc return ints (also for big floats), round-toward rules on negatives, __floor__ hooks.
import math

for x in [2.5, -2.5, 2.0, -0.5, 0.5, 1e20, -1e20, 3, -3, True, 1.9999999999999998]:
    fl, ce, tr = math.floor(x), math.ceil(x), math.trunc(x)
    print(x, fl, ce, tr, type(fl).__name__, type(ce).__name__, type(tr).__name__)
print(math.floor(10**30), math.ceil(-(10**30)), math.floor(1.5e300) == int(1.5e300))
for bad in [math.inf, -math.inf]:
    for f in (math.floor, math.ceil, math.trunc):
        try:
            f(bad)
        except OverflowError as e:
            print(f.__name__, type(e).__name__, e)
try:
    math.floor(math.nan)
except ValueError as e:
    print(type(e).__name__, e)
try:
    math.floor("1.5")
except TypeError as e:
    print(type(e).__name__, e)


class Custom:
    def __floor__(self):
        return "floored"

    def __ceil__(self):
        return "ceiled"

    def __trunc__(self):
        return "truncated"


c = Custom()
print(math.floor(c), math.ceil(c), math.trunc(c))
print([math.floor(x / 2) for x in range(-5, 6)], [math.ceil(x / 2) for x in range(-5, 6)])
print(math.floor(-0.0), math.ceil(-0.4), math.trunc(-0.9))
