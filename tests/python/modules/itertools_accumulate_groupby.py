# itertools.accumulate (func, initial) and groupby (key, consecutive runs only, groups invalidated by advancing).
from itertools import accumulate, groupby
import operator

print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3, 4], operator.mul)), list(accumulate([])))
print(list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate([1, 2, 3], initial=100)), list(accumulate([], initial=0)))
print(list(accumulate("abc")), list(accumulate([[1], [2]])), list(accumulate(range(5), lambda a, b: a * 10 + b)))
data = "aaabbcaad"
print([(k, len(list(g))) for k, g in groupby(data)])
print([k for k, _ in groupby([1, 1, 2, 2, 2, 1])], [list(g) for _, g in groupby([])])
words = ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]
for key, group in groupby(words, key=lambda w: w[0]):
    print(key, list(group))
for key, group in groupby(sorted(words, key=len), key=len):
    print(key, list(group))
groups = groupby("xxyyz")
k1, g1 = next(groups)
k2, g2 = next(groups)
print(k1, list(g1), k2, list(g2))
print([(k, list(g)) for k, g in groupby([1, 2, 3, 4, 6, 8], key=lambda n: n % 2)])
