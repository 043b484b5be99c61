# deque with maxlen: items fall off the other end, maxlen 0, extend and rotate on a full deque, repr.
from collections import deque

d = deque(maxlen=3)
for i in range(6):
    d.append(i)
    print(list(d))
print(d, d.maxlen)
d.appendleft("L")
print(d)
d.extend("xyz")
print(d)
d.extendleft([1, 2])
print(d)
d.rotate(1)
print(d)
print(deque(range(10), maxlen=4), deque(range(10), 4).maxlen, deque([1]).maxlen)
z = deque(maxlen=0)
z.append(1)
z.extend(range(5))
print(z, len(z))
last_lines = deque(maxlen=2)
for line in ["a", "b", "c", "d"]:
    last_lines.append(line)
print(list(last_lines))
try:
    deque(maxlen=-1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    d.maxlen = 5
except AttributeError as e:
    print(type(e).__name__, e)
full = deque([1, 2], maxlen=2)
try:
    full.insert(0, 9)
except IndexError as e:
    print(type(e).__name__, e)
print(full.copy().maxlen, deque(full, maxlen=1))
