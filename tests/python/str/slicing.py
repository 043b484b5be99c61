# str slicing: all combinations of start/stop/step including negatives,
# out-of-range bounds clamping, empty results and reversal.
s = "abcdefghij"
for start in (None, 0, 3, -3, 20, -20):
    for stop in (None, 5, -2, 20):
        print(start, stop, repr(s[start:stop]))
for step in (1, 2, 3, -1, -2, -4):
    print(step, s[::step], s[1:8:step], s[8:1:step], s[-1:-8:step])
print(repr(s[5:2]), repr(s[2:2]), repr(s[100:]), repr(s[:-100]))
try:
    s[::0]
except ValueError as e:
    print(type(e).__name__, e)
u = "αβγδε"
print(u[1:4], u[::-2], u[-2:], u[:0])
print(s[slice(2, 6)], s[slice(None, None, -3)])
try:
    s[1.5:3]
except TypeError as e:
    print(type(e).__name__, e)
