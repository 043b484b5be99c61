# *args collects extra positionals into a tuple, **kwargs extra keywords into
# a dict in call order; both combine with normal and keyword-only params
# and with unpacking at the call site.
def f(*args, **kwargs):
    return args, kwargs
print(f(), f(1, 2), f(a=1, b=2), f(1, *[2, 3], x=4, **{"y": 5}))
print(type(f(1)[0]).__name__, type(f(a=1)[1]).__name__)
def g(a, b=0, *rest, c, d=4, **extra):
    return a, b, rest, c, d, extra
print(g(1, c=3))
print(g(1, 2, 3, 4, c=5, e=6))
print(g(*range(5), c=0, **{"d": 9, "z": 8}))
try:
    g(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
def h(**kw):
    kw["added"] = True
    return kw
src = {"k": 1}
print(h(**src), src)
def order(**kw):
    return list(kw)
print(order(z=1, a=2, m=3), order(**{"b": 1}, a=2))
try:
    f(**{1: 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(*5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(**[1])
except TypeError as e:
    print(type(e).__name__, e)
def total(*nums):
    s = 0
    for n in nums:
        s += n
    return s
print(total(), total(1), total(*range(101)))
