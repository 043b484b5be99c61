# List indexing with negative positions and bools, and the builtins that
# consume lists: len/sum/min/max/reversed/enumerate/zip/list(), with errors.
a = [10, 20, 30, 40]
print(a[0], a[-1], a[-4], a[True], a[False])
for i in (4, -5, 100):
    try:
        a[i]
    except IndexError as e:
        print(type(e).__name__, e)
try:
    a["0"]
except TypeError as e:
    print(type(e).__name__, e)
try:
    a[1.0]
except TypeError as e:
    print(type(e).__name__, e)
print(len(a), sum(a), min(a), max(a), list(reversed(a)), list(enumerate(a, 1)), list(zip(a, "abc")))
print(list("abc"), list(range(3)), list((1, 2)), list({"x": 1}), list(), list(a) is a)
a[-1] = 99
a[1] += 5
print(a)
print(sum([[1], [2, 3]], []), sum([0.5, 0.25]), sum([], 10))
try:
    max([])
except ValueError as e:
    print(type(e).__name__, e)
print(max([], default="empty"), max([3, 1, 2], key=lambda v: -v))
print([x * 2 for x in a if x > 20], [a[i] for i in range(-1, -3, -1)])
