# Default parameter values are evaluated once, at definition time: a mutable
# default accumulates across calls, a later rebinding of the name does not
# change it, and __defaults__ shows the stored tuple.
def append_to(item, target=[]):
    target.append(item)
    return target
print(append_to(1), append_to(2), append_to(3, []), append_to(4))
def safe_append(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target
print(safe_append(1), safe_append(2))
counter = 10
def show(x=counter):
    return x
counter = 20
print(show(), show(5))
calls = []
def make_default(tag):
    calls.append(tag)
    return tag
def f(a=make_default("a"), b=make_default("b")):
    return a, b
print(calls, f(), f(1), calls)
print(f.__defaults__, append_to.__defaults__, show.__defaults__)
def g(x, y=2, *, z=3, w):
    return x, y, z, w
print(g.__defaults__, g.__kwdefaults__, g(1, w=4), g(1, 5, w=6, z=7))
def no_defaults(x):
    return x
print(no_defaults.__defaults__, no_defaults.__kwdefaults__)
f.__defaults__ = ("A", "B")
print(f())
