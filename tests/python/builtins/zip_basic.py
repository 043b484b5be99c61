# zip: equal and unequal lengths, zero and one argument, laziness, strict=True and its errors.
print(list(zip([1, 2, 3], "abc")))
print(list(zip([1, 2, 3, 4], "ab")))
print(list(zip("ab", [1, 2, 3, 4], (True, False, None))))
print(list(zip()))
print(list(zip([1, 2])))
print(list(zip([], [1, 2])))
print(dict(zip("abc", range(3))))
pairs = [(1, "one"), (2, "two"), (3, "three")]
nums, names = zip(*pairs)
print(nums, names)
print(list(zip(*zip("abc", "def"))))
it = iter(range(10))
print(list(zip(it, it)))


def noisy(tag, n):
    for i in range(n):
        print("produce", tag, i)
        yield i


print(list(zip(noisy("a", 3), noisy("b", 1))))
print(list(zip([1, 2], [3, 4], strict=True)))
try:
    list(zip([1, 2, 3], [4, 5], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
try:
    list(zip([1], [4, 5], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
try:
    list(zip([1, 2], [4, 5], [6], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
try:
    zip([1], 2)
except TypeError as e:
    print(type(e).__name__, e)
z = zip("ab", "cd")
print(next(z), next(z), next(z, "end"))
