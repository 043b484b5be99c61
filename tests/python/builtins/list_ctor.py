# list(): from strings, tuples, ranges, dicts (keys), sets of ints, generators, iterators; a new list each time.
print(list(), list("abc"), list((1, 2)), list(range(3)), list({"a": 1, "b": 2}))
print(list({"a": 1}.values()), list({"a": 1}.items()), list({3, 1, 2}), list(b"AB"))
print(list(x * 2 for x in range(4)), list(iter([9, 8])), list(enumerate("xy")))
a = [1, 2]
b = list(a)
print(a == b, a is b)
b.append(3)
print(a, b)
nested = [[1], [2]]
shallow = list(nested)
shallow[0].append(99)
print(nested)
try:
    list(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    list([1], [2])
except TypeError as e:
    print(type(e).__name__, e)


class Counter3:
    def __iter__(self):
        yield from (10, 20, 30)


print(list(Counter3()))


def failing():
    yield 1
    raise RuntimeError("midway")


try:
    list(failing())
except RuntimeError as e:
    print(type(e).__name__, e)
print(list(list("ab")), list([[]]), list(((1, 2),)))
print(list(reversed(list(map(str, range(3))))))
