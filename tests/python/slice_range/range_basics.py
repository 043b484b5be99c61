# range: len, indexing (negative), slicing into a range, containment for
# ints/floats/bools, count/index, reversed, equality by content, and errors.
for r in [range(5), range(2, 10, 3), range(10, 0, -2), range(0), range(5, 5), range(-3, 3), range(0, -10, -3), range(1, 2, 10)]:
    print(r, len(r), list(r), bool(r))
r = range(3, 30, 4)
print(r[0], r[-1], r[2], r[1:4], r[::-1], r[::2], r[-2:], r[100:], list(r[1::3]))
print(7 in r, 8 in r, 7.0 in r, True in range(2), 30 in r, -1 in range(-5, 0))
print(r.count(7), r.count(8), r.index(11), r.start, r.stop, r.step)
print(list(reversed(range(5))), list(reversed(range(1, 10, 4))))
print(range(0) == range(5, 2), range(0, 6, 2) == range(0, 5, 2), range(3) == range(0, 3, 1), range(3) != range(4))
try:
    range(0, 5, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    r[20]
except IndexError as e:
    print(type(e).__name__, e)
try:
    r.index(8)
except ValueError as e:
    print(type(e).__name__, e)
try:
    range(1.5)
except TypeError as e:
    print(type(e).__name__, e)
big = range(0, 10 ** 18, 3)
print(len(big), big[-1], 10 ** 17 + 1 in big, big[10 ** 16])
print(range(True, 4), list(range(-2, -8, -2)), sum(range(101)), max(range(7)), min(range(3, 9)))
print(hash(range(3)) == hash(range(0, 3)), range(10)[3:7][1])
