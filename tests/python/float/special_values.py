# inf, nan and signed zero: their reprs, arithmetic, comparisons, and the
# results that are defined versus the ones that raise.
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, -nan, repr(inf), str(nan))
print(inf + 1, inf - inf, inf * 0, inf * -1, -inf * -inf, inf / inf, 1 / inf, -1 / inf)
print(inf > 1e308, -inf < -1e308, inf == inf, nan == nan, nan is nan, inf == -(-inf))
print(0.0, -0.0, 0.0 == -0.0, repr(-0.0), str(-0.0), -0.0 + 0.0, -0.0 - 0.0, 0.0 * -1)
print(abs(-0.0), -(0.0), 1.0 / inf * -1)
print(1e308 * 10, -1e308 * 10, 1e-320 / 1e10)
print(round(-0.4), round(-0.0), int(-0.9))
for expr in ["1.0 / 0", "1.0 // 0.0", "1.0 % 0.0", "0.0 / 0.0", "divmod(1.0, 0.0)"]:
    try:
        print(eval(expr))
    except ZeroDivisionError as e:
        print(expr, type(e).__name__, e)
try:
    print(2.0 ** 10000)
except OverflowError as e:
    print(type(e).__name__)
try:
    print(10.0 ** 400)
except OverflowError as e:
    print(type(e).__name__)
print(inf ** 0, nan ** 0, 1 ** nan, 1.0 ** inf, 0.5 ** inf, 2.0 ** -inf)
print(max(1.0, nan), max(nan, 1.0), min(inf, nan))
print(sorted([3.0, -inf, inf, 0.0, -0.0]))
print(inf.is_integer(), (2.0).is_integer(), nan.is_integer(), (-0.0).is_integer(), (2.5).is_integer())
