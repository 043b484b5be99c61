# Extended slices of lists and tuples (any step), and tuples and slices
# built by the interpreter from values on its stack: each is built
# straight into its new object, so every length, step sign and boundary
# must come out right, and a bound's __index__ that shortens the list
# must still be seen.
l = list(range(10))
t = tuple(l)
for s in [slice(None, None, -1), slice(3, None, -1), slice(None, None, 2),
          slice(1, 8, 3), slice(8, 1, -3), slice(-2, -9, -2), slice(5, 5, -1),
          slice(100, -100, -7), slice(None, None, 1), slice(2, 7),
          slice(0, 10, 9), slice(0, 10, 10), slice(9, None, -9), slice(-1, -11, -1)]:
    print(l[s], t[s])
print(l[::-1][::-1] == l, t[0:0], t[::-1][:3], l[7:2:-2], t[7:2:-2])


class Shortens:
    def __init__(self, seq):
        self.seq = seq

    def __index__(self):
        del self.seq[5:]
        return 9


m = list(range(10))
print(m[Shortens(m)::-1])
m = list(range(10))
print(m[Shortens(m):0:-2])

x = (1, 2, 3)
a, b = 1, (2, 3)
print(x[::-1], a, b, slice(1, 2), slice(1, 2, 3), slice(None))
total = 0
for i in range(2000):
    p = (i, i + 1, i + 2)
    q = l[i % 10::-1]
    total += p[2] - p[0] + len(q) + q[0]
print(total)

m = list(range(10))
del m[Shortens(m)::-2]
print(m)
m = list(range(10))
m[Shortens(m):] = ["x"]
print(m)
m = list(range(10))
m[Shortens(m)::-2] = "abc"
print(m)
print((0, 1, 2, 3)[Shortens([]):0:-1], "abcdef"[Shortens([]):1:-2])
