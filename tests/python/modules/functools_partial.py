# functools.partial: positional and keyword binding, keyword override, attributes, nesting, repr-free checks.
from functools import partial


def power(base, exp, *, mod=None):
    r = base ** exp
    return r if mod is None else r % mod


square = partial(power, exp=2)
cube_mod = partial(power, exp=3, mod=10)
two_to = partial(power, 2)
print(square(5), square(base=6), cube_mod(7), two_to(10), two_to(exp=5))
print(square(5, exp=3), cube_mod(3, mod=100))
print(square.func is power, square.args, square.keywords, two_to.args)
nested = partial(partial(power, 3), mod=5)
print(nested(4), nested.func is power, nested.args, nested.keywords)
int2 = partial(int, base=2)
print(int2("1010"), int2("111"))
print(list(map(partial(power, exp=3), range(5))))
try:
    two_to(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    partial(5)
except TypeError as e:
    print(type(e).__name__, e)
adder = partial(lambda *a, **k: (a, sorted(k.items())), 1, x=1)
print(adder(2, y=2), adder(x=9))
print(callable(square), type(square).__name__)
