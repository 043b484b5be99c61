# CPython's operator dispatch when the left method is a Python function:
# NotImplemented from it (reflected method next, TypeError when both decline),
# a subclass overriding the reflected method (tried first), methods that are
# not Python functions, exceptions and tracebacks, generators and closures
# inside the method, and methods replaced at run time.
import sys


class A:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        if isinstance(o, A):
            return A(self.v + o.v)
        return NotImplemented

    def __sub__(self, o):
        return NotImplemented

    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, self.v)


class B:
    def __radd__(self, o):
        return "B.__radd__(%r)" % (o,)

    def __rsub__(self, o):
        return "B.__rsub__(%r)" % (o,)


class Sub(A):
    def __radd__(self, o):
        return "Sub.__radd__(%r)" % (o,)


class SubNoReflected(A):
    pass


def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


for i in range(60):
    r = [A(1) + A(2), A(1) + B(), A(1) - B(), A(1) + Sub(5), A(1) + SubNoReflected(5)]
print(r)
show(lambda: A(1) + 3)
show(lambda: A(1) - A(2))
show(lambda: A(1) - 3.5)
x = A(1)
for i in range(60):
    try:
        x -= A(2)
    except TypeError as e:
        msg = str(e)
print(msg)


# Methods that are not Python functions.
class Callable:
    def __call__(self, b):
        return "called with %r" % (b,)


class Odd:
    __add__ = Callable()
    __sub__ = staticmethod(lambda b: "static %r" % (b,))
    __and__ = abs  # a built-in function: not bound, called with the right operand

    def __repr__(self):
        return "Odd"


for i in range(60):
    r = [Odd() + 1, Odd() - 2]
print(r)
show(lambda: Odd() & -7)


# Exceptions inside the method; the traceback has the operator's line
# (uncaught, the whole traceback is CPython's: checked by hand).
class Raiser:
    def __add__(self, o):
        return 1 / o


def adds(o):
    return Raiser() + o


for i in range(60):
    try:
        adds(0)
    except ZeroDivisionError as e:
        tb = e.__traceback__.tb_lineno
print(tb)
for i in range(60):
    try:
        adds("s")
    except TypeError as e:
        msg, tb = str(e), e.__traceback__.tb_lineno
print(msg, tb)


# Generators and closures inside the method.
class Seq:
    def __init__(self, items):
        self.items = items

    def __add__(self, o):
        k = len(self.items)

        def shift(x):
            return x + k

        return Seq(list(self.items) + [shift(y) for y in o.items])

    def __mul__(self, n):
        def gen():
            for _ in range(n):
                yield from self.items

        return Seq(list(gen()))


s = Seq([1, 2])
for i in range(30):
    t = s + Seq([10]) * 2
print(t.items)


# A method replaced at run time, on the class and on a base class.
class P:
    def __add__(self, o):
        return "first"


class Q(P):
    pass


out = []
for i in range(90):
    if i == 30:
        P.__add__ = lambda self, o: "second"
    if i == 60:
        Q.__add__ = lambda self, o: NotImplemented
        Q.__radd__ = lambda self, o: "Q.__radd__"
    try:
        out.append(Q() + 1)
    except TypeError as e:
        out.append(str(e))
print(out[0], out[29], out[30], out[59], out[60], out[89])
del Q.__add__
print(Q() + 1)


# Recursion through an operator: RecursionError, then normal again.
class Deep:
    def __add__(self, o):
        return self + o


try:
    Deep() + 1
except RecursionError as e:
    print("RecursionError", e)
print(A(2) + A(3))
sys.setrecursionlimit(1000)
