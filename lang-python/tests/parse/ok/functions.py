def f():
    pass
def f(): pass
def f(a):
    return a
def f(a, b):
    return
def f(a=1):
    pass
def f(a, b=1, c=2):
    pass
def f(*args):
    pass
def f(**kwargs):
    pass
def f(*args, **kwargs):
    pass
def f(a, *, b):
    pass
def f(a, *, b=1, c):
    pass
def f(a, /):
    pass
def f(a, /, b):
    pass
def f(a, b=1, /, c=2):
    pass
def f(a, /, b, *, c):
    pass
def f(a, /, b=1, *args, c, d=2, **kwargs):
    pass
def f(a: int, b: str = 'x', *args: int, c: float, **kwargs: dict) -> bool:
    pass
def f(a,):
    pass
def f(*, a,):
    pass
def f(**k,):
    pass
def f() -> None:
    pass
def f(a: 'forward'):
    pass
def f(*args: *Ts):
    pass
@decorator
def f():
    pass
@a.b.c
@d(e)
@f[0]
def f():
    pass
@x := y
def f():
    pass
@(lambda f: f)
def g():
    pass
def outer():
    x = 1
    def inner():
        nonlocal x
        global y
        x = 2
        return x
    return inner
def gen():
    yield
    yield 1
    yield 1, 2
    x = yield
    y = yield x
    yield from z
    return 3
def g(): return (yield)
def g(): yield
class A:
    pass
class A(): pass
class A(B):
    pass
class A(B, C):
    pass
class A(B, metaclass=M):
    pass
class A(*bases, **kw):
    pass
@dataclass
class P:
    x: int
    y: int = 0
    def method(self):
        return self.x
    @property
    def prop(self):
        return 1
    @staticmethod
    def s():
        pass
    @classmethod
    def c(cls):
        pass
class Outer:
    class Inner:
        def f(self):
            pass
def f():
    """Docstring."""
    return 1
class C:
    '''Docstring.'''
