# min/max: several arguments, one iterable, strings, tuples, mixed int/float, ties give the first.
print(min(3, 1, 2), max(3, 1, 2))
print(min([4, -1, 7]), max([4, -1, 7]))
print(min("hello"), max("hello"))
print(min("b", "a", "c"), max(["apple", "banana", "cherry"]))
print(min((1, 2), (1, 1), (0, 9)), max([[1], [1, 0], [0, 5]]))
print(min(1, 1.0), max(1, 1.0), min(1.0, 1), max(1.0, 1))
print(min(True, 2), max(False, 0))
print(min(range(5, 10)), max(x * x for x in range(-5, 3)))
print(min({3, 5, 1}), max({"k": 1, "z": 2}))
print(max(-0.0, 0.0), min(0.0, -0.0))
print(min(5, 2.5), max(-1, -1.5))
print(max([1, 2, 3], [1, 2]), min("abc", "ab"))
a = [1]
b = [1]
print(max(a, b) is a, min(a, b) is a)
print(min(10**30, 10**29), max(-10**30, 10**29))
