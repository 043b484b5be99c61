# itertools.zip_longest: fillvalue, several lengths, no arguments, versus zip; pairwise and tee.
from itertools import zip_longest, pairwise, tee

print(list(zip_longest("abc", [1])), list(zip_longest("ab", "xyz", fillvalue="-")), list(zip_longest()))
print(list(zip_longest([1, 2], [], [3], fillvalue=0)), list(zip_longest([], [])))
rows = [[1, 2, 3], [4], [5, 6]]
print([list(col) for col in zip_longest(*rows, fillvalue=None)])
print(list(pairwise([1, 2, 3, 4])), list(pairwise("a")), list(pairwise("ab")))
a, b = tee(iter([1, 2, 3]))
print(list(a), list(b))
x, y, z = tee(range(3), 3)
print(next(x), list(y), list(x), list(z))
try:
    zip_longest([1], 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    zip_longest([1], bogus=1)
except TypeError as e:
    print(type(e).__name__)
