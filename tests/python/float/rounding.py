# round(): banker's rounding to int, ndigits positive/negative/zero, exact
# decimal ties decided by the binary value, and types of the results.
for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.49999999999999994, 2.675, 1.005]:
    print(v, round(v), type(round(v)).__name__)
for v, n in [(2.675, 2), (1.005, 2), (0.125, 2), (0.375, 2), (12345.6789, -2), (12345.6789, 0), (12345.6789, 1),
             (-12345.6789, -3), (1e20, -5), (5.5, 0), (6.5, 0), (0.0, 3), (-0.0, 1), (1.23456789e-10, 12)]:
    print(v, n, round(v, n))
print(round(7, -1), round(15, -1), round(25, -1), round(-25, -1), round(12345, -2), round(12350, -2), round(5, 2))
print(type(round(7, -1)).__name__, type(round(7.0, 0)).__name__, round(2.5, None))
print(round(float("inf"), 2), round(float("nan"), 1))
try:
    round(float("inf"))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    round(float("nan"))
except ValueError as e:
    print(type(e).__name__, e)
print(round(1e300, -300), round(1.5e300))
print(round(123.456, 400), round(123.456, -400))
