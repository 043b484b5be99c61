# Function attributes: __name__, __qualname__, __doc__, __defaults__,
# __module__, user-set attributes via __dict__, and functions as values.
def documented(a, b=1):
    """Adds things.

    More detail here."""
    return a + b
def undocumented():
    pass
print(documented.__name__, documented.__qualname__, repr(documented.__doc__), undocumented.__doc__)
print(documented.__defaults__, documented.__module__)
class Outer:
    def method(self):
        def inner():
            pass
        return inner
print(Outer.method.__qualname__, Outer().method().__qualname__, Outer().method().__name__)
documented.counter = 0
documented.counter += 5
print(documented.counter, documented.__dict__)
def renamed():
    return 1
renamed.__name__ = "new_name"
print(renamed.__name__)
funcs = {"double": lambda x: 2 * x, "neg": lambda x: -x}
print(sorted(funcs), funcs["double"](4), [funcs[k](3) for k in sorted(funcs)])
def apply(fn, *args):
    return fn(*args)
print(apply(documented, 2, 3), apply(max, 1, 9, 4), callable(apply), callable(3))
def outer():
    def a():
        return "a"
    return a
print(outer()(), outer().__name__, outer().__qualname__)
try:
    documented.nothing
except AttributeError as e:
    print(type(e).__name__, e)
def ann(x: int, y: "str" = "s") -> list:
    return [x, y]
print(ann.__annotations__, ann(1))
