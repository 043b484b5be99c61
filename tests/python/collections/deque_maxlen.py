# Bounded deques: the opposite end drops, maxlen 0 keeps nothing, extend/insert/rotate/+/* with a bound, maxlen is read-only.
from collections import deque

d = deque(maxlen=3)
for i in range(6):
    d.append(i)
    print(d)
d.appendleft("L")
print(d)
d.extend("xyz" * 2)
print(d)
d.extendleft([1, 2, 3, 4])
print(d)
print(deque(range(10), 4), deque(range(10), maxlen=0), deque([], 2), deque("ab", maxlen=None))
z = deque(maxlen=0)
z.append(1)
z.appendleft(2)
z.extend(range(5))
z.extendleft(range(5))
print(z, len(z), z.maxlen)
try:
    z.insert(0, 1)
except IndexError as e:
    print("IndexError", e)
full = deque([1, 2], maxlen=2)
try:
    full.insert(1, "x")
except IndexError as e:
    print("IndexError", e)
room = deque([1, 2], maxlen=3)
room.insert(1, "x")
print(room)
print(full + deque([3, 4, 5]), deque([1, 2, 3], 3) * 2, 3 * deque([1], maxlen=2))
full += [7, 8, 9]
print(full)
full *= 5
print(full)
w = deque([1, 2, 3], maxlen=5)
w *= 3
print(w)
w.rotate(2)
print(w, w.maxlen)
print(w.copy(), w.copy().maxlen)
try:
    w.maxlen = 10
except AttributeError as e:
    print("AttributeError", e)
try:
    del w.maxlen
except AttributeError as e:
    print("AttributeError", e)
for bad in [-1, "3", 2.0, [1]]:
    try:
        deque([], bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(deque([1, 2], maxlen=True), deque([1, 2], maxlen=False))
# A sliding window: the running sum over the last 4 items.
window = deque(maxlen=4)
sums = []
for x in range(1, 12):
    window.append(x * x)
    sums.append(sum(window))
print(sums)
# Re-initialising sets a new bound and drops the items.
d = deque(range(5))
d.__init__("abc", 2)
print(d, d.maxlen)
d.__init__()
print(d, d.maxlen)
