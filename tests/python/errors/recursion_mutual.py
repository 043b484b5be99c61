# Unbounded mutual recursion (two and three functions, and through a method and a lambda) is RecursionError.
def is_even(n):
    return True if n == 0 else is_odd(n - 1)


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


print(is_even(100), is_odd(301))
try:
    is_even(-1)
except RecursionError as e:
    print("even/odd", type(e).__name__, e)


def a(n):
    return b(n + 1)


def b(n):
    return c(n * 1)


def c(n):
    return a(n)


try:
    a(0)
except RecursionError as e:
    print("a/b/c", type(e).__name__)


class Ping:
    def ping(self, n):
        return pong(self, n)


pong = lambda obj, n: obj.ping(n + 1)
try:
    Ping().ping(0)
except RecursionError as e:
    print("method/lambda", type(e).__name__)
print(is_odd(7))
