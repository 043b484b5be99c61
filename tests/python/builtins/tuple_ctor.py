# tuple(): from various iterables, immutability errors, tuple of a tuple, single element, concatenation.
print(tuple(), tuple("ab"), tuple([1, [2]]), tuple(range(3)), tuple({"k": 0}), tuple(x for x in "xy"))
t = (1, 2, 3)
print(tuple(t) is t, tuple(t) == t)
print((1,), (1), (), type(()).__name__, (1, 2) + (3,), (0,) * 3, 2 * ("a", "b"))
try:
    t[0] = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    del t[0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    t.append(4)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    tuple(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    (1, 2) + [3]
except TypeError as e:
    print(type(e).__name__, e)
print(t.index(2), t.count(2), len(t), t[::-1], t[1:], 2 in t)
try:
    t.index(9)
except ValueError as e:
    print(type(e).__name__, e)
tl = ([1], [2])
tl[0].append(5)
print(tl)
try:
    tl[0] += [6]
except TypeError as e:
    print(type(e).__name__, e)
print(tl)
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), () < (0,), (2,) > (1, 99))
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(tuple()))
try:
    hash(([],))
except TypeError as e:
    print(type(e).__name__, e)
