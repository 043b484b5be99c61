# Set mutation methods: add, remove (KeyError), discard, pop, clear, update
# family, copy; plus unhashable elements and membership of equal values.
s = {3, 1}
s.add(2)
s.add(2)
print(s)
s.remove(1)
s.discard(1)
s.discard(100)
print(s)
try:
    s.remove(100)
except KeyError as e:
    print(type(e).__name__, e)
s.update([5, 6], (7,))
print(s)
s.intersection_update(range(6))
print(s)
s.difference_update([2])
print(s)
s.symmetric_difference_update({3, 9})
print(s)
t = s.copy()
t.add(50)
print(s, t)
p = {42}
print(p.pop(), p)
try:
    p.pop()
except KeyError as e:
    print(type(e).__name__, e)
try:
    s.add([1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    set([[1]])
except TypeError as e:
    print(type(e).__name__, e)
print(1 in {1.0}, True in {1}, {1, 1.0, True}, {0, False, 0.0}, (1, 2) in {(1, 2)})
try:
    [1] in {1}
except TypeError as e:
    print(type(e).__name__, e)
s.clear()
print(s, set(), repr(set()))
strs = {"pear", "apple", "fig"}
print(sorted(strs), len(strs), "fig" in strs)
