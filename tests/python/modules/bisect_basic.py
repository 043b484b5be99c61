# bisect: bisect_left/right on duplicates, insort keeps order, lo/hi bounds, key= (3.10+), grading tables.
import bisect

a = [1, 2, 2, 2, 3, 5, 8]
for x in [0, 1, 2, 3, 4, 8, 9]:
    print(x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x))
print(bisect.bisect_left(a, 2, lo=2), bisect.bisect_right(a, 2, hi=3), bisect.bisect_left(a, 5, 0, 3))
b = []
for v in [5, 1, 4, 1, 3, 9, 2]:
    bisect.insort(b, v)
print(b)
bisect.insort_left(b, 4)
bisect.insort_right(b, 4)
print(b)


def grade(score, breakpoints=[60, 70, 80, 90], grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]


print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100, 60, 59]])
records = [(1, "a"), (3, "c"), (5, "e")]
print(bisect.bisect_left(records, 3, key=lambda r: r[0]), bisect.bisect_right(records, 3, key=lambda r: r[0]))
bisect.insort(records, (4, "d"), key=lambda r: r[0])
print(records)
try:
    bisect.bisect_left(a, 1, lo=-1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    bisect.bisect([1, "a"], 2) if False else bisect.bisect(["a", "b"], 2)
except TypeError as e:
    print(type(e).__name__, e)
print(bisect.bisect_left([], 5), bisect.bisect_right("aceg", "d"))
