# type(x): the class of every builtin value and of user instances, type of a type, comparisons with is.
vals = [1, True, 1.5, 1j, "s", b"b", bytearray(), [], (), {}, set(), frozenset(), None, range(1), slice(1),
        len, print, Ellipsis, NotImplemented, type, object, object()]
for v in vals:
    print(type(v).__name__, type(v) is v.__class__)


class A:
    pass


class B(A):
    pass


print(type(A()), type(B()) is B, type(B()) is A, type(A), type(type), type(int))
print(type(A()).__name__, type(A).__name__, A.__name__, A.__qualname__, B.__bases__ == (A,))


def f():
    class Inner:
        pass

    return Inner


print(f().__qualname__, f().__name__, type(f).__name__, type(lambda: 0).__name__)
print(type(x for x in []).__name__, type(iter([])).__name__, type(A().__init__).__name__ != 'function')
try:
    type()
except TypeError as e:
    print(type(e).__name__, e)
try:
    type(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
