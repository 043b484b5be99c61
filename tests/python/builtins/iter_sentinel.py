# iter(callable, sentinel): stops at the sentinel (compared with ==), callable errors, non-callable.
counter = [0]


def tick():
    counter[0] += 1
    return counter[0]


print(list(iter(tick, 5)))
print(counter)
lines = ["a", "b", "", "c"]
pos = iter(lines)
print(list(iter(lambda: next(pos), "")))
print(next(pos))
values = iter([1, 2.0, 3])
print(list(iter(lambda: next(values), 2)))
it = iter(tick, 10)
print(next(it), next(it), list(it), next(it, "done"))


def boom():
    raise KeyError("from callable")


try:
    next(iter(boom, None))
except KeyError as e:
    print(type(e).__name__, e)
try:
    iter(5, 5)
except TypeError as e:
    print(type(e).__name__, e)
print(type(iter(tick, 0)).__name__)
src = iter(range(10))
print(list(iter(src.__next__, 6)))
print(list(src))
