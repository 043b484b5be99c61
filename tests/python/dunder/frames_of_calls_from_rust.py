# Python functions called from Rust (operators' dunder methods, sort keys,
# map, __repr__...) each get a frame that is reused once the call is over:
# nested and recursive calls of that kind, closures made inside them,
# generators they return, and exceptions leaving them must all see their
# own frame's values.


class V:
    def __init__(self, x):
        self.x = x

    def __add__(self, other):
        # A call from Rust inside a call from Rust, on the same function.
        if isinstance(other, V) and other.x > 0 and self.x < 3:
            inner = V(self.x + 1) + V(other.x - 1)
            return V(inner.x + 100)
        return V(self.x + (other.x if isinstance(other, V) else other))

    def __mul__(self, k):
        scale = k
        # A closure over this frame's local, called after the frame is done.
        return lambda y: y * scale + self.x

    def __iter__(self):
        n = self.x
        for i in range(n):
            yield i * n

    def __repr__(self):
        return "V(%r)" % (self.x,)

    def __lt__(self, other):
        if self.x == other.x:
            raise ValueError("tie at %d" % self.x)
        return self.x < other.x


print(V(1) + V(4))
print(V(0) + 5)
fs = [V(i) * (i + 1) for i in range(4)]
print([f(10) for f in fs])
gens = [iter(V(3)), iter(V(2))]
print([list(g) for g in gens])
print(sorted([V(3), V(1), V(2)]))
try:
    sorted([V(1), V(2), V(1)])
except ValueError as e:
    print("ValueError:", e)
print(sorted(range(10), key=lambda i: (i % 3, -i)))
print(list(map(lambda a, b: a * b, range(5), range(5, 10))))


def depth(n):
    return n if n == 0 else (V(n) + 0).x + depth(n - 1)


print(depth(20))
print(repr([V([V(1), V("s")])]))
total = V(0)
for i in range(1000):
    total = total + V(i % 7)
print(total)
