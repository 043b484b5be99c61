# assert used for invariants inside functions and classes: checks in
# __init__, pre/post-conditions, tuple-valued messages, and that an
# assert on a non-empty tuple is always true (a common mistake, kept as
# a runtime observation with no warning triggered at run time).
class Fraction:
    def __init__(self, num, den):
        assert den != 0, "denominator must be non-zero"
        assert isinstance(num, int) and isinstance(den, int), ("ints required", type(num).__name__, type(den).__name__)
        self.num, self.den = num, den
    def __repr__(self):
        return f"{self.num}/{self.den}"
for args in [(1, 2), (1, 0), (1.5, 2)]:
    try:
        print(Fraction(*args))
    except AssertionError as e:
        print(type(e).__name__, e.args)
def isqrt(n):
    assert n >= 0, f"negative input {n}"
    r = int(n ** 0.5)
    while r * r > n:
        r -= 1
    while (r + 1) * (r + 1) <= n:
        r += 1
    assert r * r <= n < (r + 1) * (r + 1)
    return r
print([isqrt(n) for n in [0, 1, 15, 16, 17, 10 ** 12 + 1]])
try:
    isqrt(-4)
except AssertionError as e:
    print(e)
condition = (False, "tuple")
assert condition
print("an assert of a non-empty tuple passes")
