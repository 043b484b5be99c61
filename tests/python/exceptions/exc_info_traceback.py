# sys.exc_info() while an exception is handled: its type, the exception and
# its traceback, whose chain (tb_next) runs from the frame that caught it
# to the one that raised it, each with its line; all None outside handlers.
import sys


def inner(n):
    if n == 0:
        raise KeyError("deep")
    return inner(n - 1)


def outer():
    return inner(2)


try:
    1 / 0
except ZeroDivisionError as e:
    t, v, tb = sys.exc_info()
    print(t.__name__, v is e, tb.tb_lineno, tb.tb_next)
    print(e.__traceback__.tb_lineno)
print(sys.exc_info())

try:
    outer()
except KeyError:
    tb = sys.exc_info()[2]
    lines = []
    while tb is not None:
        lines.append(tb.tb_lineno)
        tb = tb.tb_next
    print(lines)


def handler():
    try:
        raise ValueError("in handler")
    except ValueError:
        return sys.exc_info()[1].args, sys.exc_info()[2].tb_lineno


print(handler())
print(sys.exc_info()[0])
