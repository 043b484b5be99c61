# Rich comparisons: the reflected method is tried when the left one returns
# NotImplemented (< falls back to the right operand's >), a subclass's
# reflected method is tried first, and sort/min/max use __lt__ only.
class V:
    def __init__(self, n):
        self.n = n
    def __lt__(self, other):
        print(f"  {self!r}.__lt__({other!r})")
        if isinstance(other, V):
            return self.n < other.n
        return NotImplemented
    def __gt__(self, other):
        print(f"  {self!r}.__gt__({other!r})")
        if isinstance(other, V):
            return self.n > other.n
        return NotImplemented
    def __repr__(self):
        return f"V{self.n}"
print(V(1) < V(2))
print(V(1) > V(2))
try:
    V(1) < 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    V(1) <= V(2)
except TypeError as e:
    print(type(e).__name__, e)
class W(V):
    def __gt__(self, other):
        print(f"  W.__gt__ {self!r} {other!r}")
        return True
print(V(5) < W(1))
print(sorted([V(3), V(1), V(2)]))
print(max([V(3), V(9), V(2)]), min([V(3), V(9)]))
class Only:
    def __init__(self, k):
        self.k = k
    def __lt__(self, other):
        return self.k < other.k
    def __le__(self, other):
        return self.k <= other.k
    def __repr__(self):
        return f"O{self.k}"
print(Only(2) > Only(1), Only(2) >= Only(2), Only(1) <= Only(0))
items = [Only(k) for k in [5, 3, 8, 1, 3]]
items.sort()
print(items)
class Full:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
    def __le__(self, o): return self.v <= o.v
    def __gt__(self, o): return self.v > o.v
    def __ge__(self, o): return self.v >= o.v
a, b = Full(1), Full(2)
print(a < b, a <= b, a > b, a >= b, a == b, a != b, a < b < Full(3))
