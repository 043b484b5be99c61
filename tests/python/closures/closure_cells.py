# Closures keep enclosing variables alive after the outer call returns,
# share one cell per variable, and see deletion (NameError on free var).
def make_multiplier(factor):
    def mul(x):
        return x * factor
    return mul
double, triple = make_multiplier(2), make_multiplier(3)
print(double(5), triple(5), double("ab"))
print(double.__closure__ is not None, len(double.__closure__), double.__closure__[0].cell_contents)
def adder():
    total = 0
    def add(x):
        nonlocal total
        total += x
        return total
    return add
a = adder()
print([a(x) for x in [1, 2, 3, 4]])
def deleted():
    v = 1
    def use():
        return v
    del v
    try:
        use()
    except NameError as e:
        print(type(e).__name__, e)
deleted()
def memo(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), len(fib.cache))
def outer(x):
    def middle(y):
        def inner(z):
            return x + y + z
        return inner
    return middle
print(outer(1)(10)(100))
def no_closure():
    return 1
print(no_closure.__closure__)
