# Float equality and ordering pitfalls computed exactly: 0.1+0.2 vs 0.3,
# tolerance checks written by hand, ordering with -0.0, NaN in sort keys
# handled explicitly, and exact comparisons between floats and big ints.
print(0.1 + 0.2 == 0.3, 0.1 + 0.2 > 0.3, abs((0.1 + 0.2) - 0.3) < 1e-9, (0.1 + 0.2) - 0.3)
def close(a, b, rel=1e-9, abs_tol=0.0):
    return abs(a - b) <= max(rel * max(abs(a), abs(b)), abs_tol)
print(close(0.1 + 0.2, 0.3), close(1e10, 1e10 + 1), close(1e10, 1e10 + 100), close(0.0, 1e-12), close(0.0, 1e-12, abs_tol=1e-9))
print(-0.0 < 0.0, -0.0 == 0.0, min(0.0, -0.0), min(-0.0, 0.0), max(-0.0, 0.0), sorted([0.0, -0.0, 0.0]))
nan = float("nan")
vals = [3.0, nan, 1.0, 2.0]
print(sorted(vals, key=lambda v: (v != v, v if v == v else 0)))
print(9007199254740993 == 9007199254740992.0, 9007199254740993 > 9007199254740992.0, 2 ** 1023 * 2 > 1.7976931348623157e308)
print(1e308 < 10 ** 309, float(10 ** 308) == 1e308, 10 ** 22 == 1e22, 10 ** 23 == 1e23)
print(0.5 == 1 / 2, 1 / 3 == 0.3333333333333333, 2 / 3 * 3 == 2.0, 0.1 * 10 == 1.0, sum([0.1] * 10) == 1.0)
