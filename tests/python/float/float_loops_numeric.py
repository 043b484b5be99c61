# Numeric algorithms on floats whose every intermediate result is fixed by
# IEEE-754: Newton's square root, numeric integration (trapezoid and
# Simpson), Horner polynomial evaluation and a bisection root.
def newton_sqrt(x):
    g = x / 2 or 1.0
    for _ in range(30):
        g = (g + x / g) / 2
    return g
print([newton_sqrt(v) for v in (2.0, 9.0, 10.0, 1e-6, 1e10)])
def f(x):
    return x * x * x - 2 * x + 1
def trapezoid(fn, a, b, n):
    h = (b - a) / n
    return h * (fn(a) / 2 + sum(fn(a + i * h) for i in range(1, n)) + fn(b) / 2)
def simpson(fn, a, b, n):
    h = (b - a) / n
    s = fn(a) + fn(b)
    for i in range(1, n):
        s += fn(a + i * h) * (4 if i % 2 else 2)
    return s * h / 3
print(trapezoid(f, 0.0, 2.0, 100), simpson(f, 0.0, 2.0, 100), simpson(lambda x: x ** 0.5, 0.0, 1.0, 64))
def horner(coeffs, x):
    r = 0.0
    for c in coeffs:
        r = r * x + c
    return r
print([horner([1.0, -2.0, 0.5, 3.0], x / 4) for x in range(-4, 5)])
def bisect(fn, lo, hi, steps=60):
    for _ in range(steps):
        mid = (lo + hi) / 2
        if (fn(lo) < 0) == (fn(mid) < 0):
            lo = mid
        else:
            hi = mid
    return lo, hi
print(bisect(f, -2.0, 0.0), bisect(lambda x: x * x - 2, 0.0, 2.0))
