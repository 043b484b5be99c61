# math's IEEE helpers: remainder, nextafter, ulp, exp2, ldexp at the extremes, fsum's
# special values and a correctly rounded hypot/dist.
import math
print(math.hypot(3e-320, 4e-320), math.hypot(1.5, 2.5, 3.5, 1e-10), math.hypot(-0.0), math.hypot(math.nan, math.inf))
print([math.hypot(*[0.1*k]*k) for k in range(1, 12)])
print(math.dist((1.5, 2), [3, 4.25]), math.ulp(0.0), math.ulp(1e308), math.ulp(-2.0), math.ulp(math.inf), math.ulp(5e-324))
print(math.nextafter(0.0, -1), math.nextafter(-1.0, 0), math.nextafter(1.7976931348623157e308, math.inf), math.nextafter(2.0, 2.0))
print([math.remainder(x, 3) for x in range(-7, 8)], math.remainder(4.5, 1), math.remainder(5.5, 1), math.remainder(math.inf, math.nan), math.remainder(3, math.inf))
for a in [[1e308, 1e308], [1e308, 1e308, -1e308], [math.nan, 1], [math.inf, 1, math.inf]]:
    try: print(math.fsum(a))
    except Exception as e: print(type(e).__name__, e)
print(math.ldexp(2.0**1000, -1100), math.ldexp(1, -1074), math.ldexp(1, -1075), math.ldexp(-0.0, 5), math.ldexp(5, -10**30))
try: math.ldexp(1, 10**30)
except OverflowError as e: print(e)
print(math.hypot(*range(100)), math.hypot(1e200, 1e200), math.hypot(1e-200, 3e-200))
