# math constants and special values: pi, e, tau, inf, nan; isinf/isnan/isfinite; copysign, nan comparisons.
import math

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.tau == 2 * math.pi, math.inf == float("inf"), math.inf > 10**308, -math.inf < -(10**308))
print(math.nan == math.nan, math.nan != math.nan, math.nan < 1, math.nan > 1, math.nan is math.nan)
for x in [0.0, 1.0, math.inf, -math.inf, math.nan, 1e308, 5e-324]:
    print(x, math.isinf(x), math.isnan(x), math.isfinite(x))
print(math.copysign(3, -0.0), math.copysign(-2.5, 1), math.copysign(math.inf, -1), math.copysign(1, math.nan) in (1.0, -1.0))
print(math.inf + 1, math.inf - math.inf, math.inf * 0, -math.inf * -1, math.inf / math.inf)
print(1 / math.inf, math.isinf(10**300 * 1.0), math.isnan(math.inf * 0))
print(sorted([3.0, math.inf, -math.inf, 0.0]), max(1, math.inf), min(-math.inf, 0))
print(type(math.pi).__name__, round(math.pi, 5), f"{math.e:.10f}", str(math.pi))
print(math.isinf(2), math.isnan(0), math.isfinite(10**100))
try:
    math.isnan("nan")
except TypeError as e:
    print(type(e).__name__, e)
