# collections.deque: every method on ordinary deques, both ends, rotate both ways, insert/remove at every position.
from collections import deque

d = deque()
print(d, len(d), bool(d))
for i in range(5):
    d.append(i)
    d.appendleft(-i)
print(d, len(d), bool(d))
print(d.pop(), d.popleft(), d)
d.extend(range(10, 13))
d.extend(x * 2 for x in range(3))
d.extendleft("ab")
d.extendleft(())
print(d)
print(d.count(0), d.count(-1), d.count("a"), d.count(99))
print(d.index(0), d.index(0, 3), d.index(0, -4), d.index(10, 0, 100), d.index("b", -100))
for k in [1, -1, 3, -3, 0, 17, -17, len(d), -len(d) * 5 + 2]:
    e = deque(d)
    e.rotate(k)
    print(k, list(e))
e = deque([1, 2, 3])
e.rotate()
print(e)
for pos in [-10, -3, -1, 0, 1, 2, 5, 100]:
    e = deque(range(6))
    e.insert(pos, "x")
    print("insert", pos, list(e))
for pos in range(6):
    e = deque(range(6))
    e.remove(pos)
    del_at = deque(range(6))
    del del_at[pos]
    print("remove", pos, list(e), list(del_at))
e = deque([3, 1, 3, 2])
e.remove(3)
print(e)
e.reverse()
print(e)
e.clear()
print(e, len(e))
e.reverse()
e.rotate(5)
print(e)
c = d.copy()
print(c == d, c is d, type(c).__name__)
c.append("new")
print(len(c) - len(d))
print(d.maxlen, deque([1]).maxlen)
# Indexing, both signs, and assignment/deletion.
d = deque("abcdefg")
print(d[0], d[-1], d[3], d[-7])
d[0] = "A"
d[-1] = "G"
d[3] = d[3] * 2
print(d)
del d[0]
del d[-1]
del d[2]
print(d, len(d))
print("c" in d, "z" in d, [x for x in d], list(reversed(d)))
print(sorted(deque([3, 1, 2])), sum(deque(range(10))), max(deque("hello")), tuple(deque((1, 2))))
print(dict.fromkeys(deque("ab")), set(deque([1, 1, 2])) == {1, 2})
print(list(enumerate(deque("xy"))), list(zip(deque([1, 2]), deque("ab"))))
# A large deque through the ring: grow, wrap, shrink.
big = deque()
for i in range(10000):
    if i % 3 == 0:
        big.appendleft(i)
    else:
        big.append(i)
print(len(big), big[0], big[-1], big[5000], sum(big))
while len(big) > 10:
    big.popleft()
    big.pop()
print(big)
big.rotate(3)
print(big, big.index(big[3]))
it = iter(deque([1, 2, 3]))
print(it.__length_hint__(), next(it), it.__length_hint__(), list(it), it.__length_hint__())
r = reversed(deque([1, 2, 3]))
print(next(r), r.__length_hint__(), list(r))
print(type(iter(deque())).__name__, type(reversed(deque())).__name__)
print(iter(it) is it)
