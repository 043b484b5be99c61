# math.isclose: default relative tolerance, rel_tol/abs_tol keywords, infinities and nan, bad tolerances.
import math

print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.0 + 1e-8), math.isclose(0.1 + 0.2, 0.3))
print(math.isclose(0.0, 1e-12), math.isclose(0.0, 1e-12, abs_tol=1e-9), math.isclose(1e-12, 0.0, abs_tol=1e-12))
print(math.isclose(100, 101, rel_tol=0.01), math.isclose(100, 102, rel_tol=0.01), math.isclose(100, 101.0, rel_tol=0.00999))
print(math.isclose(math.inf, math.inf), math.isclose(math.inf, -math.inf), math.isclose(math.inf, 1e308, rel_tol=1))
print(math.isclose(math.nan, math.nan), math.isclose(5, 5), math.isclose(-1, 1, abs_tol=2), math.isclose(-1, 1, abs_tol=1.9))
for kwargs in [{"rel_tol": -1}, {"abs_tol": -0.1}]:
    try:
        math.isclose(1, 1, **kwargs)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    math.isclose(1, 1, 0.1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    math.isclose(1)
except TypeError as e:
    print(type(e).__name__, e)
print([math.isclose(math.sin(x) ** 2 + math.cos(x) ** 2, 1.0) for x in range(5)])
