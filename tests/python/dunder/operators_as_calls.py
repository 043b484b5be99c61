# Every binary operator overloaded by Python functions on a user class,
# in-place forms falling back to them (no __iadd__), in a loop hot enough to compile.
class V:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __add__(self, o):
        return V(self.x + o.x, self.y + o.y)
    def __sub__(self, o):
        return V(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        if isinstance(k, V):
            return self.x * k.x + self.y * k.y
        return V(self.x * k, self.y * k)
    def __rmul__(self, k):
        return V(k * self.x, k * self.y)
    def __truediv__(self, k):
        return V(self.x / k, self.y / k)
    def __floordiv__(self, k):
        return V(self.x // k, self.y // k)
    def __mod__(self, k):
        return V(self.x % k, self.y % k)
    def __pow__(self, k):
        return V(self.x ** k, self.y ** k)
    def __matmul__(self, o):
        return self.x * o.y - self.y * o.x
    def __lshift__(self, k):
        return V(self.x << k, self.y << k)
    def __rshift__(self, k):
        return V(self.x >> k, self.y >> k)
    def __and__(self, k):
        return V(self.x & k, self.y & k)
    def __or__(self, k):
        return V(self.x | k, self.y | k)
    def __xor__(self, k):
        return V(self.x ^ k, self.y ^ k)
    def __neg__(self):
        return V(-self.x, -self.y)
    def __repr__(self):
        return "V(%r, %r)" % (self.x, self.y)

a = V(1, 2)
b = V(3, 5)
print(a + b, a - b, a * 3, 3 * a, a * b, b / 2, b // 2, b % 2, a ** 3, a @ b)
print(a << 2, b >> 1, b & 1, a | 4, b ^ 7, -a)
c = a
c += b
print(c, a, c is a)
c -= b
c *= 2
c @= b
print(c)
v = V(0, 0)
for i in range(1000):
    v = v + V(i, 1)
    v = v - V(0, 1) * 0.5
print(v)
