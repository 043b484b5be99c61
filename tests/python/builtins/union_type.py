# X | Y of classes: types.UnionType, flattened and without repeats, None as NoneType,
# its repr and __args__, isinstance/issubclass through it, and | with a non-class.
print(int | str, int | None | int, (int | str).__args__, type(int | str).__name__)
print(isinstance(3, int | str), isinstance(3.0, int | str), isinstance(None, int | None), issubclass(bool, str | int))
class A:
    pass
class B(A):
    pass
print(A | None, isinstance(B(), (str, A | None)), issubclass(B, float | (int | A)))
for bad in [lambda: int | 1, lambda: "x" | int]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
