# Symbolic differentiation with an expression class hierarchy built by
# operator overloading (Var("x") * 3 + ...), simplification of constants,
# evaluation at a point, and string rendering with parentheses.
class Expr:
    def __add__(self, o): return Add(self, lift(o))
    def __radd__(self, o): return Add(lift(o), self)
    def __sub__(self, o): return Add(self, Mul(Const(-1), lift(o)))
    def __mul__(self, o): return Mul(self, lift(o))
    def __rmul__(self, o): return Mul(lift(o), self)
    def __pow__(self, n): return Pow(self, n)
    def __neg__(self): return Mul(Const(-1), self)
def lift(v):
    return v if isinstance(v, Expr) else Const(v)
class Const(Expr):
    def __init__(self, v): self.v = v
    def diff(self, var): return Const(0)
    def eval(self, env): return self.v
    def simplify(self): return self
    def __str__(self): return str(self.v)
class Var(Expr):
    def __init__(self, name): self.name = name
    def diff(self, var): return Const(1 if var == self.name else 0)
    def eval(self, env): return env[self.name]
    def simplify(self): return self
    def __str__(self): return self.name
class Add(Expr):
    def __init__(self, a, b): self.a, self.b = a, b
    def diff(self, var): return Add(self.a.diff(var), self.b.diff(var))
    def eval(self, env): return self.a.eval(env) + self.b.eval(env)
    def simplify(self):
        a, b = self.a.simplify(), self.b.simplify()
        if isinstance(a, Const) and isinstance(b, Const):
            return Const(a.v + b.v)
        if isinstance(a, Const) and a.v == 0:
            return b
        if isinstance(b, Const) and b.v == 0:
            return a
        return Add(a, b)
    def __str__(self): return f"({self.a} + {self.b})"
class Mul(Expr):
    def __init__(self, a, b): self.a, self.b = a, b
    def diff(self, var): return Add(Mul(self.a.diff(var), self.b), Mul(self.a, self.b.diff(var)))
    def eval(self, env): return self.a.eval(env) * self.b.eval(env)
    def simplify(self):
        a, b = self.a.simplify(), self.b.simplify()
        if isinstance(a, Const) and isinstance(b, Const):
            return Const(a.v * b.v)
        for x, y in ((a, b), (b, a)):
            if isinstance(x, Const) and x.v == 0:
                return Const(0)
            if isinstance(x, Const) and x.v == 1:
                return y
        return Mul(a, b)
    def __str__(self): return f"{self.a} * {self.b}"
class Pow(Expr):
    def __init__(self, base, n): self.base, self.n = base, n
    def diff(self, var): return Mul(Mul(Const(self.n), Pow(self.base, self.n - 1)), self.base.diff(var))
    def eval(self, env): return self.base.eval(env) ** self.n
    def simplify(self):
        b = self.base.simplify()
        if self.n == 0:
            return Const(1)
        if self.n == 1:
            return b
        return Pow(b, self.n)
    def __str__(self): return f"{self.base}^{self.n}"
x, y = Var("x"), Var("y")
exprs = [3 * x + 2, x ** 3 - 2 * x, x * y + y ** 2, (x + 1) * (x - 1), -x ** 2 + 0 * y + 1 * x, 5 + x * 0]
for e in exprs:
    dx = e.diff("x").simplify()
    dy = e.diff("y").simplify()
    env = {"x": 2, "y": -3}
    print(f"f = {e.simplify()}")
    print(f"  df/dx = {dx}  at (2,-3): {dx.eval(env)}")
    print(f"  df/dy = {dy}  at (2,-3): {dy.eval(env)}")
    print(f"  f(2,-3) = {e.eval(env)}")
try:
    (x + y).eval({"x": 1})
except KeyError as e:
    print("KeyError", e)
