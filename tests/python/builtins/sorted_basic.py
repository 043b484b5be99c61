# sorted: numbers, strings, tuples, key and reverse, any iterable, a new list; errors for mixed types.
print(sorted([3, 1, 2]))
print(sorted([3, 1, 2], reverse=True))
print(sorted("banana"))
print(sorted(["pear", "Apple", "fig", "apple"]))
print(sorted(["pear", "Apple", "fig", "apple"], key=str.lower))
print(sorted(["pear", "Apple", "fig", "apple"], key=len, reverse=True))
print(sorted([(2, "b"), (1, "z"), (2, "a"), (1, "a")]))
print(sorted({3: "c", 1: "a", 2: "b"}))
print(sorted({5, 1, 4}))
print(sorted(range(10), key=lambda x: -x))
print(sorted([1.5, -2, 3, True, 0.0]))
print(sorted([]), sorted(()), sorted(""))
print(sorted([[2, 1], [1, 9], [1, 2, 3], []]))
print(sorted([-5, 3, -1, 2], key=abs))
original = [3, 2, 1]
copy = sorted(original)
print(original, copy, original is copy)
print(sorted(x * x for x in [-3, 1, -2]))
for bad in [[1, "a"], [None, None], [1, [1]], [{1}, 2]]:
    try:
        sorted(bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    sorted([1, 2], lambda x: x)
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted(5)
except TypeError as e:
    print(type(e).__name__, e)
print(sorted([3, 1, 2], key=None))
print(sorted([{2}, {1, 2}, {3}]))
