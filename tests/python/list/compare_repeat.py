# List equality and lexicographic ordering (element by element, then
# length), * repetition edge cases, `in`, and comparing unorderable items.
print([1, 2] == [1, 2], [1, 2] != [2, 1], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0], [2] > [1, 99])
print([1, [2, 3]] < [1, [2, 4]], [1.0] == [1], [True] == [1], ["a"] < ["b"], [1, 2] <= [1, 2], [3] >= [2, 9])
print([1] * 0, [1] * -1, [1, 2] * 3, [[]] * 2, [None] * 0 == [])
print(3 in [1, 2, 3], [3] in [[3]], "a" in ["abc"], 1.0 in [1], float("nan") in [float("nan")])
try:
    [1, "a"] < [1, 2]
except TypeError as e:
    print(type(e).__name__, e)
print([1, "a"] < [2, 2], [1, "a"] == [1, 2])
try:
    [1] < (1,)
except TypeError as e:
    print(type(e).__name__, e)
print([1] == (1,), list((1,)) == [1])
try:
    [1] * 1.5
except TypeError as e:
    print(type(e).__name__, e)
try:
    [1] + "a"
except TypeError as e:
    print(type(e).__name__, e)
print(max([[1, 2], [1, 3], [0, 9]]), min([[2], [1, 5], [1]]))
nan = float("nan")
l = [nan]
print(l == l, [nan] == [nan], nan in l)
