# Functions as values: passing, returning and storing functions, a compose
# and pipe written by hand, partial application with closures, and
# dispatch tables keyed by strings.
def compose(*fns):
    def composed(x):
        for fn in reversed(fns):
            x = fn(x)
        return x
    return composed
def pipe(value, *fns):
    for fn in fns:
        value = fn(value)
    return value
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5), compose()(7), pipe(5, inc, dbl, str, len))
def partial(fn, *args, **kwargs):
    def bound(*more, **kw):
        return fn(*args, *more, **{**kwargs, **kw})
    return bound
def power(base, exp, *, mod=None):
    return pow(base, exp, mod) if mod else base ** exp
square = partial(power, exp=2)
two_to = partial(power, 2)
print(square(9), two_to(10), two_to(100, mod=1000), partial(power, mod=7)(3, 4))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "max": max, "join": lambda a, b: f"{a}{b}"}
for name in ["+", "-", "max", "join"]:
    print(name, ops[name](7, 3))
def apply_n(fn, n):
    def run(x):
        for _ in range(n):
            x = fn(x)
        return x
    return run
print(apply_n(dbl, 10)(1), apply_n(lambda s: s + "!", 3)("hi"), list(map(apply_n(inc, 5), [0, 10])))
print(sorted(["b", "A", "c"], key=str.lower), list(map(str.upper, "ab")), list(filter(str.isdigit, "a1b2")))
