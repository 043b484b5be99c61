# Changing a deque while iterating it: RuntimeError for changes of length and rotations, not for d[i] = v or reverse; in comparisons, count, index, remove and `in` too.
from collections import deque

changes = {
    "append": lambda d: d.append(9),
    "appendleft": lambda d: d.appendleft(9),
    "pop": lambda d: d.pop(),
    "popleft": lambda d: d.popleft(),
    "clear": lambda d: d.clear(),
    "extend": lambda d: d.extend([1]),
    "extend nothing": lambda d: d.extend([]),
    "extendleft": lambda d: d.extendleft([1]),
    "rotate": lambda d: d.rotate(1),
    "rotate 0": lambda d: d.rotate(0),
    "reverse": lambda d: d.reverse(),
    "setitem": lambda d: d.__setitem__(0, 5),
    "delitem": lambda d: d.__delitem__(1),
    "insert": lambda d: d.insert(1, 5),
    "remove": lambda d: d.remove(3),
    "+=": lambda d: d.__iadd__([1]),
    "*= 2": lambda d: d.__imul__(2),
    "*= 1": lambda d: d.__imul__(1),
    "count": lambda d: d.count(1),
    "copy": lambda d: d.copy(),
}
for name, change in changes.items():
    d = deque([1, 2, 3, 4])
    it = iter(d)
    first = next(it)
    change(d)
    try:
        print(name, first, list(it))
    except RuntimeError as e:
        print(name, first, "RuntimeError", e)
    # An iterator that failed keeps failing.
    try:
        print(name, "again", next(it, "end"))
    except RuntimeError as e:
        print(name, "again RuntimeError", e)

d = deque([1, 2, 3])
try:
    for x in d:
        if x == 2:
            d.append(4)
except RuntimeError as e:
    print("for loop:", e, d)
d = deque([1, 2, 3])
for x in d:
    d[0] = x * 10
print("assignments only:", d)
d = deque([1])
it = iter(d)
print(list(it))
d.append(2)
try:
    next(it)
except RuntimeError as e:
    print("exhausted, then changed:", e)
r = reversed(deque([1, 2, 3]))
print(next(r))
d = deque([1, 2])
r = reversed(d)
d.pop()
try:
    next(r)
except RuntimeError as e:
    print("reversed:", e)
empty = deque()
it = iter(empty)
empty.clear()
print("clear of an empty deque:", list(it))


class Meddler:
    """Equal to nothing; comparing it appends to the deque."""

    def __init__(self, d):
        self.d = d

    def __eq__(self, other):
        self.d.append(0)
        return False


for name, probe in [
    ("count", lambda d, m: d.count(m)),
    ("index", lambda d, m: d.index(m)),
    ("remove", lambda d, m: d.remove(m)),
    ("in", lambda d, m: m in d),
    ("== same length", lambda d, m: d == deque([m, 2, 3])),
    ("== other length", lambda d, m: d == deque([m])),
    ("!= same length", lambda d, m: d != deque([m, 2, 3])),
]:
    d = deque([1, 2, 3])
    try:
        print(name, probe(d, Meddler(d)))
    except (RuntimeError, IndexError) as e:
        print(name, type(e).__name__, e)


class Found:
    """Equal to everything."""

    def __eq__(self, other):
        return True


d = deque([5, 6, 7])
print(d.index(Found()), d.count(Found()), Found() in d)
d.remove(Found())
print(d)
