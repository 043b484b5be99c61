# list.sort and sorted: stability with key and reverse (equal keys keep
# their order even reversed), multi-pass sorts, and errors on mixed types.
records = [("bob", 3), ("alice", 1), ("carol", 3), ("dave", 2), ("eve", 1), ("frank", 2), ("gina", 3)]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[1], reverse=True))
print(sorted(records, key=lambda r: -r[1]))
r2 = sorted(records, key=lambda r: r[0], reverse=True)
r2.sort(key=lambda r: r[1])
print(r2)
words = ["Banana", "apple", "Cherry", "apple", "banana", "cherry", "APPLE"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
nums = [5, -3, 2, -2, 3, -5, 0]
nums.sort(key=abs)
print(nums)
nums.sort(key=abs, reverse=True)
print(nums)
print(sorted([3, 1, 2], reverse=True), sorted("hello"), sorted((3.5, 1, 2.25)), sorted([]), sorted({3: 0, 1: 0}))
a = [[2, "b"], [1, "z"], [2, "a"], [1, "a"]]
a.sort()
print(a)
try:
    [1, "a", 2].sort()
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted([1, 2], key=lambda x: None)
except TypeError as e:
    print(type(e).__name__, e)
r = [4, 2, 3]
print(r.sort(), r)
try:
    r.sort(lambda x: x)
except TypeError as e:
    print(type(e).__name__, e)
big = [(i * 7919) % 1000 for i in range(500)]
s = sorted(big)
print(s[:10], s[-5:], all(s[i] <= s[i + 1] for i in range(len(s) - 1)))
