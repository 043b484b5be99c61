# Positional-only (/) and keyword-only (*) parameters: how each may be
# passed, the exact TypeError messages, and positional-only names being
# free for **kwargs.
def f(a, b, /, c, *, d):
    return a, b, c, d
print(f(1, 2, 3, d=4), f(1, 2, c=3, d=4))
for call in [lambda: f(1, b=2, c=3, d=4), lambda: f(a=1, b=2, c=3, d=4), lambda: f(1, 2, 3, 4), lambda: f(1, 2, d=4)]:
    try:
        call()
    except TypeError as e:
        print(type(e).__name__, e)
def g(x, /, **kw):
    return x, kw
print(g(1, x=2), g(5))
def h(a, /, b=2, *args, c=3, **kw):
    return a, b, args, c, kw
print(h(1), h(1, 2, 3, 4), h(1, b=5, c=6, a=7))
def only(a, /):
    return a
try:
    only(a=1)
except TypeError as e:
    print(type(e).__name__, e)
def star(*, a=1, b):
    return a, b
print(star(b=2), star(b=3, a=4))
