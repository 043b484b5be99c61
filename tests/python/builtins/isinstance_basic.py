# isinstance: builtin types, bool as int, tuples (nested) of types, user hierarchies, object, errors.
print(isinstance(1, int), isinstance(True, int), isinstance(True, bool), isinstance(1, bool))
print(isinstance(1.0, int), isinstance(1.0, float), isinstance("s", str), isinstance(b"s", str))
print(isinstance([], list), isinstance((), tuple), isinstance({}, dict), isinstance(set(), frozenset))
print(isinstance(None, object), isinstance(int, object), isinstance(int, type), isinstance(type, type))
print(isinstance(1, (str, int)), isinstance(1, (str, float)), isinstance(1, ()))
print(isinstance(1, (str, (float, (int,)))), isinstance("x", ((list,), dict)))


class A:
    pass


class B(A):
    pass


class C(B):
    pass


class D:
    pass


c = C()
print(isinstance(c, A), isinstance(c, B), isinstance(c, C), isinstance(c, D))
print(isinstance(c, (D, A)), isinstance(A(), B), isinstance(A, type), isinstance(A, A))
print(isinstance(range(1), range), isinstance(len, object))
print(isinstance(1, int | str), isinstance(None, type(None)), isinstance(None, int | None))
for bad in [1, "int", [int], (int, 1)]:
    try:
        isinstance(1, bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    isinstance(1)
except TypeError as e:
    print(type(e).__name__, e)
