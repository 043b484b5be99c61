# Scopes created by lambdas, comprehensions and nested functions: each
# lambda parameter is local to it, comprehension variables are invisible
# outside, a walrus inside a comprehension binds in the containing
# function, and a default argument is evaluated in the defining scope.
def f():
    x = "f-local"
    g = lambda x="default": x
    h = lambda: x
    return g(), g("arg"), h()
print(f())
def g():
    total = 0
    values = [total := total + v for v in range(4)]
    return values, total
print(g())
def h():
    data = [1, 2, 3]
    squares = [n * n for n in data]
    try:
        return n
    except NameError as e:
        return f"NameError: {e}", squares
print(h())
y = "global y"
def k():
    y = "k y"
    return (lambda: (lambda: y)())()
print(k())
def defaults():
    base = 10
    def inner(v=base * 2):
        return v
    base = 99
    return inner()
print(defaults())
