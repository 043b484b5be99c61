# itertools.count (start, step, floats, negative), cycle (empty too), repeat (times), all cut with islice.
from itertools import count, cycle, repeat, islice

print(list(islice(count(), 5)), list(islice(count(10), 3)), list(islice(count(5, -2), 4)))
print(list(islice(count(0.5, 0.25), 4)), list(islice(count(10**20), 2)), next(count(step=3)))
c = count(3)
print(next(c), next(c), c)
print(list(islice(cycle("abc"), 8)), list(cycle([])), list(islice(cycle(range(2)), 5)))
print(list(repeat("x", 3)), list(repeat(None, 0)), list(repeat(1, -2)), list(islice(repeat(7), 4)))
print(repeat("y", 2), list(zip(range(3), repeat("r"))), list(map(pow, range(5), repeat(2))))
src = iter([1, 2, 3])
cy = cycle(src)
print([next(cy) for _ in range(7)], list(src))
try:
    count("a")
except TypeError as e:
    print(type(e).__name__, e)
try:
    repeat()
except TypeError as e:
    print(type(e).__name__, e)
