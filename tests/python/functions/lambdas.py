# lambda: expressions only, defaults, closures over loop variables (late
# binding) versus defaults capturing, immediate calls, and __name__.
sq = lambda x: x * x
print(sq(7), (lambda: "no args")(), (lambda *a, **k: (a, k))(1, b=2), (lambda x, y=10: x + y)(1))
print(sq.__name__, (lambda: 0).__name__)
adders = [lambda x: x + i for i in range(3)]
print([f(10) for f in adders])
adders = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in adders])
compose = lambda f, g: lambda x: f(g(x))
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(5))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)), list(map(lambda x: x % 3, range(7))), list(filter(lambda x: x & 1, range(7))))
cond = lambda x: "pos" if x > 0 else ("zero" if x == 0 else "neg")
print(cond(3), cond(0), cond(-3))
curry = lambda a: lambda b: lambda c: a + b + c
print(curry(1)(2)(3))
fact = lambda n: 1 if n == 0 else n * fact(n - 1)
print(fact(10))
try:
    sq()
except TypeError as e:
    print(type(e).__name__, e)
print((lambda: (yield 1))().__class__.__name__)
