# Starred assignment targets: the star takes a (possibly empty) list in
# every position, from any iterable; too few values and two stars are errors.
a, *b = [1, 2, 3]
print(a, b)
*a, b = "xyz"
print(a, b)
a, *b, c = range(6)
print(a, b, c)
a, *b, c = (1, 2)
print(a, b, c)
*a, = {3: 0, 1: 0}
print(a)
first, *_, last = "hello world".split()
print(first, last)
for head, *tail in [(1, 2, 3), (4,), "ab"]:
    print(head, tail)
try:
    a, *b, c = [1]
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, b = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    a, = []
except ValueError as e:
    print(type(e).__name__, e)
(x, *y), z = "abc", 9
print(x, y, z)
print(*[1, 2], *"ab", *range(2))
print([*"hi", *(1, 2)], (*[1], 2), {*"aa", *"b"} == {"a", "b"}, {**{"a": 1}, "b": 2, **{"a": 3}})
def count(*args):
    return len(args)
print(count(*[], *(), *"abc"), count(*range(100)))
