# issubclass: builtin hierarchy, a class is its own subclass, tuples of classes, multiple inheritance, errors.
print(issubclass(bool, int), issubclass(int, bool), issubclass(int, int), issubclass(int, object))
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(KeyError, LookupError))
print(issubclass(KeyError, Exception), issubclass(KeyboardInterrupt, Exception), issubclass(KeyboardInterrupt, BaseException))
print(issubclass(type, object), issubclass(object, type), issubclass(list, (str, tuple)), issubclass(list, (str, list)))


class A:
    pass


class B:
    pass


class AB(A, B):
    pass


class ABC(AB):
    pass


print(issubclass(AB, A), issubclass(AB, B), issubclass(ABC, B), issubclass(A, AB))
print(issubclass(ABC, (int, (str, A))), issubclass(ABC, ()))
print([c.__name__ for c in ABC.__mro__])
print(issubclass(bool, int | str), issubclass(float, int | str))
for args in [(1, int), (int, 1), ("A", A), (A, [A])]:
    try:
        issubclass(*args)
    except TypeError as e:
        print(type(e).__name__, e)
