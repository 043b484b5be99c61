# Sorting algorithms written out: insertion, selection, merge (stable),
# quick (Lomuto), heap, counting and a bubble sort with early exit; each
# checked against sorted() on the same data, plus stability with keys.
def insertion(a):
    a = list(a)
    for i in range(1, len(a)):
        key, j = a[i], i - 1
        while j >= 0 and a[j] > key:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = key
    return a
def selection(a):
    a = list(a)
    for i in range(len(a)):
        m = min(range(i, len(a)), key=a.__getitem__)
        a[i], a[m] = a[m], a[i]
    return a
def merge_sort(a, key=lambda x: x):
    if len(a) <= 1:
        return list(a)
    mid = len(a) // 2
    left, right = merge_sort(a[:mid], key), merge_sort(a[mid:], key)
    out, i, j = [], 0, 0
    while i < len(left) and j < len(right):
        if key(right[j]) < key(left[i]):
            out.append(right[j]); j += 1
        else:
            out.append(left[i]); i += 1
    return out + left[i:] + right[j:]
def quick(a):
    a = list(a)
    def part(lo, hi):
        pivot, i = a[hi], lo
        for j in range(lo, hi):
            if a[j] < pivot:
                a[i], a[j] = a[j], a[i]
                i += 1
        a[i], a[hi] = a[hi], a[i]
        return i
    def go(lo, hi):
        if lo < hi:
            p = part(lo, hi)
            go(lo, p - 1)
            go(p + 1, hi)
    go(0, len(a) - 1)
    return a
def heap_sort(a):
    a = list(a)
    n = len(a)
    def sift(i, size):
        while 2 * i + 1 < size:
            c = 2 * i + 1
            if c + 1 < size and a[c + 1] > a[c]:
                c += 1
            if a[i] >= a[c]:
                return
            a[i], a[c] = a[c], a[i]
            i = c
    for i in range(n // 2 - 1, -1, -1):
        sift(i, n)
    for end in range(n - 1, 0, -1):
        a[0], a[end] = a[end], a[0]
        sift(0, end)
    return a
def counting(a):
    lo, hi = min(a), max(a)
    counts = [0] * (hi - lo + 1)
    for x in a:
        counts[x - lo] += 1
    return [i + lo for i, c in enumerate(counts) for _ in range(c)]
def bubble(a):
    a, passes = list(a), 0
    for n in range(len(a) - 1, 0, -1):
        passes += 1
        swapped = False
        for i in range(n):
            if a[i] > a[i + 1]:
                a[i], a[i + 1] = a[i + 1], a[i]
                swapped = True
        if not swapped:
            break
    return a, passes
seed = 12345
data = []
for _ in range(60):
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    data.append(seed % 200 - 100)
expected = sorted(data)
print(data[:12])
for fn in (insertion, selection, merge_sort, quick, heap_sort, counting):
    print(f"{fn.__name__:<10}", fn(data) == expected, fn(data)[:8])
print(bubble(data)[0] == expected, bubble(list(range(10)))[1], bubble(list(range(10, 0, -1)))[1])
people = [("ann", 30), ("bob", 25), ("cid", 30), ("dee", 25), ("eve", 35)]
print(merge_sort(people, key=lambda p: p[1]) == sorted(people, key=lambda p: p[1]))
print([fn([]) for fn in (insertion, merge_sort, quick, heap_sort)], quick([1]), insertion([2, 1]))
print(quick(["pear", "apple", "fig"]), heap_sort([3.5, -1.0, 2.25]))
