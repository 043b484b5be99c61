# range as a sequence: indexing, slicing, membership, index/count, equality, reversed, attributes.
r = range(0, 30, 3)
print(r[0], r[3], r[-1], r[-2])
print(r[2:5], r[::2], r[::-1], r[1:-1:3], r[100:])
print(list(r[::-1]))
print(9 in r, 10 in r, -3 in r, 27 in r, 30 in r, 9.0 in r)
print(r.index(12), r.count(12), r.count(13))
try:
    r.index(13)
except ValueError as e:
    print(type(e).__name__, e)
try:
    r[10]
except IndexError as e:
    print(type(e).__name__, e)
try:
    r[-11]
except IndexError as e:
    print(type(e).__name__, e)
try:
    r["a"]
except TypeError as e:
    print(type(e).__name__, e)
print(r.start, r.stop, r.step)
print(range(0) == range(5, 5), range(0, 3) == range(0, 3, 1), range(1, 10, 2) == range(1, 11, 2))
print(range(3) == [0, 1, 2], range(2) != range(3))
print(list(reversed(range(1, 10, 4))))
print(bool(range(0)), bool(range(1)))
print(min(range(5, 50, 7)), max(range(5, 50, 7)))
print(tuple(range(3)), set(range(4)))
print(range(10)[-3:], range(10, 0, -2)[1:3])
it = iter(range(3))
print(next(it), next(it), next(it), next(it, "done"))
try:
    r.start = 5
except AttributeError as e:
    print(type(e).__name__, e)
