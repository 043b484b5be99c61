# Tuple comparison is lexicographic with element equality checked first
# (so identical-but-NaN elements compare equal by identity), tuple hashing
# depends on contents, and tuples with unhashable items cannot be hashed.
nan = float("nan")
t = (nan,)
print(t == t, (nan,) == (nan,), [nan] == [nan], (1, nan) < (2, nan))
print((1, 2, 3) < (1, 2, 4), (1, 2) < (1, 2, 3), (0,) > (), (1, "b") > (1, "a"), ("a", 1) < ("b", 0))
try:
    (1, "a") < (1, 2)
except TypeError as e:
    print(type(e).__name__, e)
print((1, "a") < (2, 1), (1, "a") == (1, 2))
print(hash((1, 2)) == hash((1, 2)), hash((1, 2)) == hash((1.0, 2.0)), hash(((),)) == hash(((),)))
try:
    hash(([1], 2))
except TypeError as e:
    print(type(e).__name__, e)
print({(1, 2): "a"}[(1.0, 2)], len({(1, 2), (1.0, 2.0), (True, 2)}))
print(max([(1, "z"), (2, "a"), (2, "b")]), sorted([(2, 1), (1, 2), (1, 1)]))
print((1, 2) == [1, 2], tuple([1, 2]) == (1, 2), () == (), (None,) == (None,))
