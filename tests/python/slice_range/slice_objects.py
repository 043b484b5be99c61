# slice objects: attributes, indices() normalisation for every sign of step
# and out-of-range bounds, use with lists/strings/tuples, and errors.
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None, 3), slice(1, 2) == slice(1, 2))
for sl in [slice(None), slice(2, None), slice(-3, None), slice(None, None, -1), slice(10, -10, -2), slice(-100, 100),
           slice(3, 1), slice(None, None, 3), slice(5, None, -2), slice(-1, -100, -1)]:
    print(sl, sl.indices(8), list(range(*sl.indices(8))), list(range(8))[sl])
try:
    slice(0, 1, 0).indices(5)
except ValueError as e:
    print(type(e).__name__, e)
try:
    slice(0, 1).indices(-1)
except ValueError as e:
    print(type(e).__name__, e)
data = list("abcdefgh")
print(data[s], "abcdefgh"[s], tuple(data)[s], data[slice(None, None, -2)])
try:
    hash(slice(1, 2))
    print("hashable")
except TypeError as e:
    print(type(e).__name__, e)
class Probe:
    def __getitem__(self, key):
        return key
p = Probe()
print(p[1:2], p[::3], p[1:2, 3], p[:, 1], p[...], p[1:2:None])
