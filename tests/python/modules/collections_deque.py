# collections.deque: append/appendleft/pop/popleft, extend/extendleft order, rotate both ways, indexing, errors.
from collections import deque

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], d[2])
print(d.pop(), d.popleft(), d)
d.extend([7, 8])
d.extendleft([-1, -2])
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.rotate(0)
d.rotate(len(d) * 3 + 1)
print(d, list(reversed(d)))
print(d.count(7), d.index(7), 8 in d, 99 in d)
d.remove(7)
d.insert(1, "ins")
print(d)
d[0] = "first"
del d[1]
print(d, d.copy() == d, d.copy() is d)
d.reverse()
print(d)
d.clear()
print(d, bool(d))
for op in [d.pop, d.popleft]:
    try:
        op()
    except IndexError as e:
        print(type(e).__name__, e)
try:
    deque([1])[5]
except IndexError as e:
    print(type(e).__name__, e)
try:
    deque([1]).remove(2)
except ValueError as e:
    print(type(e).__name__, e)
print(deque("abc") == deque("abc"), deque([1]) + deque([2]), deque([1, 2]) * 2, deque() == deque([]))
print(deque(range(5))[2], repr(deque()), deque(x * x for x in range(4)))
