# functools.wraps: decorators that keep __name__, __doc__, __wrapped__; stacked decorators; decorator factories.
from functools import wraps


def logged(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        print("calling", func.__name__, args, kwargs)
        result = func(*args, **kwargs)
        print("returned", result)
        return result

    return wrapper


def repeat(times):
    def decorator(func):
        @wraps(func)
        def wrapper(*args):
            return [func(*args) for _ in range(times)]

        return wrapper

    return decorator


@logged
def add(a, b=1):
    """Add two numbers."""
    return a + b


@repeat(3)
@logged
def greet(name):
    return "hi " + name


print(add(2, b=5))
print(add.__name__, add.__doc__, add.__wrapped__(10, 20))
print(greet("bo"))
print(greet.__name__, greet.__wrapped__.__name__, greet.__wrapped__.__wrapped__("x"))


def unwrapped_decorator(func):
    def inner(*a):
        return func(*a)

    return inner


@unwrapped_decorator
def original():
    """doc"""


print(original.__name__, original.__doc__, hasattr(original, "__wrapped__"))
print(add.__qualname__, greet.__module__)
