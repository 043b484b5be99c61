# Exceptions suppressed by __exit__ returning True (or any truthy value):
# execution continues after the with statement; a falsy return lets the
# exception propagate; suppression can be selective by type.
class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return self
    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            print("  clean exit")
            return False
        handled = issubclass(exc_type, self.types)
        print(f"  saw {exc_type.__name__}: {exc}; suppress={handled}")
        self.caught = exc
        return handled
with Suppress(ValueError) as s:
    int("not a number")
    print("not reached")
print("continued; caught", type(s.caught).__name__)
with Suppress(KeyError, IndexError):
    [][0]
try:
    with Suppress(KeyError):
        1 / 0
except ZeroDivisionError as e:
    print("propagated", e)
with Suppress(Exception):
    pass
class Truthy:
    def __enter__(self):
        pass
    def __exit__(self, *exc):
        return "yes"
with Truthy():
    raise RuntimeError("hidden by a truthy string")
print("after truthy")
def in_function():
    with Suppress(ValueError):
        raise ValueError("in function")
    return "function returned normally"
print(in_function())
for i in range(3):
    with Suppress(ZeroDivisionError):
        print("  result", 6 // (i - 1))
