# deque values: repr (recursive and bounded), comparisons, +, *, +=, *=, copy.copy, truth, len, in, equality with other types.
import copy
from collections import deque

print(repr(deque()), repr(deque([1, "a", None, 2.5])), str(deque([(1, 2)])), repr(deque([], maxlen=3)))
d = deque([1, 2])
d.append(d)
print(d)
outer = deque([deque([1]), [deque()]])
print(outer)
lst = [1]
holder = deque([lst])
lst.append(holder)
print(holder, lst)
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) != deque([1, 2]), deque([1]) == deque([1.0]))
print(deque([1, 2]) < deque([1, 2, 3]), deque([2]) > deque([1, 5]), deque([1]) <= deque([1]), deque([]) < deque([0]))
print(deque("abc") >= deque("abd"), deque([1, 2]) == [1, 2], deque([1]) != (1,), deque() == deque([], maxlen=2))
nan = float("nan")
print(deque([nan]) == deque([nan]), deque([1, nan]) < deque([1, nan]))
print(deque([1]) + deque([2, 3]), deque("ab") * 3, 2 * deque([0]), deque([1]) * 0, deque([1]) * -4)
a = deque([1])
b = a
a += [2, 3]
a += deque([4])
a += "5"
a += a
print(a, b is a)
a *= 2
print(len(a), a is b)
a *= 0
print(a, b)
e = deque([1, [2]])
c = copy.copy(e)
print(c, c == e, c is e, c[1] is e[1])
dc = copy.deepcopy(e)
print(dc, dc == e, dc[1] is e[1], type(dc).__name__)
print(bool(deque()), bool(deque([0])), len(deque(range(7))), not deque())
x = deque([1, 2])
print("yes" if x else "no", "yes" if deque() else "no")
print(1 in deque([1.0]), None in deque([None]), deque([1]) in [deque([1])], deque([1]) in deque([deque([1])]))
d = deque()
n = 0
while d or n == 0:
    if n < 5:
        d.append(n)
    n += 1
    if d and n > 3:
        d.popleft()
print(n, d)
print(deque(range(3)).__len__(), deque([1]).__contains__(1), deque([4]).__getitem__(0), deque([1]).__eq__(deque([1])))
print(deque([3, 4]).__iter__().__next__(), deque([3, 4]).__reversed__().__next__(), deque([1]).__copy__())
print(deque([1]).__add__(deque([2])), deque([1]).__mul__(2), deque([1]).__rmul__(2), deque([1]).__lt__(deque([2])))
