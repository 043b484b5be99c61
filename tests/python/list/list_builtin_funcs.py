# Builtins over lists: sorted versus sort, reversed versus reverse,
# enumerate/zip/map/filter results materialised, min/max with key and
# default, sum with start, all/any on empty and mixed lists.
nums = [5, 2, 9, 1, 7]
s = sorted(nums)
print(s, nums, s is not nums)
nums.sort()
print(nums)
r = list(reversed(nums))
nums.reverse()
print(r == nums, nums)
print(list(enumerate(nums)), list(zip(nums, nums[1:])), list(map(str, nums)), list(filter(lambda v: v > 4, nums)))
words = ["kiwi", "fig", "banana", "apple"]
print(min(words), max(words), min(words, key=len), max(words, key=len), min([], default=None), max([[1], [0, 5]]))
print(sum(nums), sum(nums, 100), sum([[1], [2]], []), sum([0.1] * 3))
print(all([]), any([]), all([1, "a", [0]]), any([0, "", None, 0.0]), all(x > 0 for x in nums))
print(len([[]]), len([None] * 5), list(map(len, words)), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))
print(list(zip(*[(1, "a"), (2, "b")])), [list(t) for t in zip(*[[1, 2, 3], [4, 5, 6]])])
