# itertools.islice (stop, start/stop/step, None), takewhile, dropwhile, starmap, compress, filterfalse.
from itertools import islice, takewhile, dropwhile, starmap, compress, filterfalse, count

print(list(islice("abcdefg", 3)), list(islice("abcdefg", 2, 5)), list(islice("abcdefg", 1, None, 2)))
print(list(islice(range(10), None)), list(islice(range(10), 0)), list(islice([], 5)), list(islice(count(), 3, 12, 4)))
it = iter(range(10))
print(list(islice(it, 3)), list(islice(it, 2)), next(it))
for args in [(-1,), (0, -1), (0, 5, 0), (0, 5, -1), ("a",)]:
    try:
        islice("abc", *args)
    except ValueError as e:
        print(args, type(e).__name__, e)
print(list(takewhile(lambda x: x < 5, [1, 4, 6, 3, 1])), list(dropwhile(lambda x: x < 5, [1, 4, 6, 3, 1])))
print(list(takewhile(bool, [])), list(dropwhile(bool, [0, 1, 0])), list(takewhile(str.isdigit, "123ab45")))
src = iter([1, 2, 10, 3])
print(list(takewhile(lambda x: x < 5, src)), list(src))
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(starmap(lambda *a: sum(a), [(), (1,), (1, 2, 3)])))
print(list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])), list(compress(range(10), [1, 0] * 2)))
print(list(filterfalse(lambda x: x % 3, range(10))), list(filterfalse(None, [0, 1, "", "x"])))
