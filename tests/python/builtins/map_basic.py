# map: one and several iterables (stops at the shortest), laziness, builtin and lambda functions, errors.
print(list(map(str, [1, 2, 3])))
print(list(map(lambda x: x * x, range(6))))
print(list(map(pow, [2, 3, 4], [5, 2])))
print(list(map(lambda a, b, c: a + b + c, "abc", "de", "fghi")))
print(list(map(len, ["", "ab", "abc"])))
print(list(map(int, "123")))
print(list(map(str.upper, ["a", "bc"])))
m = map(lambda x: 10 // x, [5, 2, 0, 1])
print(next(m), next(m))
try:
    next(m)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print(list(m))


def trace(x):
    print("called with", x)
    return x + 1


lazy = map(trace, [1, 2, 3])
print("before")
print(next(lazy))
print(list(lazy))
try:
    map(len)
except TypeError as e:
    print(type(e).__name__, e)
try:
    map(len, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    list(map(5, [1]))
except TypeError as e:
    print(type(e).__name__, e)
print(list(map(lambda *a: a, [1, 2], [3, 4], [5, 6])))
print(sum(map(abs, [-1, -2, 3])))
