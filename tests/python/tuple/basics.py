# Tuples: literal forms (including the one-element comma), repr, indexing,
# slicing, count/index, immutability errors, and hashing into dicts.
t = (1, "two", 3.0, None, (5, 6))
print(t, len(t), t[1], t[-1][0], t[1:3], t[::-2], type(t[1:2]).__name__)
print((), (1,), (1), 1, 2, tuple(), tuple("ab"), tuple([1, 2]), tuple(range(3)), tuple(t) is t)
x = 1, 2, 3
print(x, type(x).__name__)
print((1, 2) + (3,), (1,) * 3, 2 * (0,), (1, 2) * 0)
print(t.count(1), (1, 1, True, 1.0).count(1), t.index(None), (1, 2, 1).index(1, 1))
try:
    t[0] = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    del t[0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    t.append(1)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    (1, 2).index(3)
except ValueError as e:
    print(type(e).__name__, e)
try:
    t[10]
except IndexError as e:
    print(type(e).__name__, e)
d = {(1, 2): "a", (1, (2, 3)): "b"}
print(d[(1, 2)], d[1, (2, 3)], (1, 2) in d)
try:
    d[(1, [2])] = 0
except TypeError as e:
    print(type(e).__name__, e)
inner = ([1, 2], 3)
inner[0].append(99)
print(inner)
try:
    inner[0] += [100]
except TypeError as e:
    print(type(e).__name__, e)
print(inner)
print((1, 2) == (1, 2), (1, 2) < (1, 3), (1, 2) < (1, 2, 0), () < (0,), (1, "a") < (2, "b"), (2,) > (1, 99))
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()), 3 in (1, 2, 3), [1] in ([1],))
try:
    (1,) + [2]
except TypeError as e:
    print(type(e).__name__, e)
print(sorted([(2, "b"), (1, "z"), (2, "a")]), max((1, 5), (1, 7), (0, 9)))
