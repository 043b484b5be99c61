# Chained comparisons evaluate each middle operand once and stop at the
# first false link, so side effects show how far evaluation got.
def v(name, x):
    print("eval", name)
    return x
print(v("a", 1) < v("b", 2) < v("c", 3))
print(v("a", 1) < v("b", 0) < v("c", 3))
print(v("a", 1) == v("b", 1) != v("c", 1))
print(v("a", 5) > v("b", 3) >= v("c", 3) > v("d", 4))
x = 5
print(1 < x < 10, 10 < x < 20, 1 < x > 3, x == 5 == 5.0, 0 <= x <= 4, x in [5] in [[5]])
print(1 < 2 > 0 < 3 != 4 == 4)
class Noisy:
    def __init__(self, n):
        self.n = n
    def __lt__(self, other):
        print(f"  {self.n} < {other.n}")
        return self.n < other.n
a, b, c = Noisy(1), Noisy(2), Noisy(0)
print(a < b < c)
print(c < a < b)
r = (1 < 2) < 3
print(r, (3 > 2) > 1, 3 > 2 > 1)
