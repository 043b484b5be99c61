# heapq.nlargest/nsmallest (key, n larger than input, ties), merge of sorted inputs (key, reverse).
import heapq

nums = [5, 1, 8, 3, 9, 2, 7, 8]
print(heapq.nlargest(3, nums), heapq.nsmallest(3, nums), heapq.nlargest(0, nums), heapq.nsmallest(20, nums))
print(heapq.nlargest(1, nums), heapq.nsmallest(1, []), heapq.nlargest(2, "hello"))
words = ["bb", "a", "dddd", "ccc", "ee"]
print(heapq.nlargest(2, words, key=len), heapq.nsmallest(3, words, key=len))
pairs = [(1, "a"), (2, "b"), (1, "c"), (2, "d")]
print(heapq.nsmallest(3, pairs, key=lambda p: p[0]), heapq.nlargest(3, pairs, key=lambda p: p[0]))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])), list(heapq.merge()), list(heapq.merge([], [1])))
print(list(heapq.merge(["a", "ccc"], ["bb"], key=len)), list(heapq.merge([9, 5, 1], [8, 2], reverse=True)))
print(list(heapq.merge([1, 1, 2], [1, 2, 2])))
h = list(range(20, 0, -1))
heapq.heapify(h)
print(h)
print([heapq.heappop(h) for _ in range(5)], h)
