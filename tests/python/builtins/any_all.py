# any/all: empty iterables, short-circuiting (observed through a generator), truthiness of elements.
print(any([]), all([]), any([0, "", None]), all([1, "a", [0]]), any([0, 0.0, 1]), all([1, 0, 1]))
print(any("abc"), all(""), any({0: 1}), all({0: 1}), any(x > 3 for x in range(5)), all(x < 3 for x in range(5)))
seen = []


def watch(values):
    for v in values:
        seen.append(v)
        yield v


print(any(watch([0, 0, 5, 0, 7])), seen)
seen.clear()
print(all(watch([1, 2, 0, 3])), seen)
it = iter([0, 1, 2, 3])
print(any(it), list(it))
print(any([[]]), all([[]]), any([float("nan")]), all([None]))
try:
    any(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    all()
except TypeError as e:
    print(type(e).__name__, e)


class Explodes:
    def __bool__(self):
        raise ValueError("no truth")


try:
    any([0, Explodes()])
except ValueError as e:
    print(type(e).__name__, e)
print(any([1, Explodes()]), all([0, Explodes()]))
