# slice objects: attributes, indices(), use with lists/strings/tuples, negative steps, errors, equality.
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None), slice(1, 2))
data = list(range(12))
print(data[s], data[slice(3)], data[slice(-3, None)], data[slice(None, None, -4)])
print("abcdefgh"[slice(1, -1, 3)], (1, 2, 3, 4)[slice(None, None, 2)])
print(slice(1, 10, 2).indices(5), slice(None, None, -1).indices(4), slice(-100, 100).indices(7))
print(slice(None, None, -2).indices(0), slice(3, 1, -1).indices(10))
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3), slice(1, 2, None) == slice(1, 2))
try:
    data[slice(0, 5, 0)]
except ValueError as e:
    print(type(e).__name__, e)
try:
    slice(1, 2, 0).indices(5)
except ValueError as e:
    print(type(e).__name__, e)
try:
    data[slice("a", 2)]
except TypeError as e:
    print(type(e).__name__, e)
try:
    slice()
except TypeError as e:
    print(type(e).__name__, e)
try:
    s.start = 3
except AttributeError as e:
    print(type(e).__name__, e)


class Recorder:
    def __getitem__(self, key):
        return key


r = Recorder()
print(r[1:2], r[::3], r[1:2, 3], r[:], r[..., 1:])
data[slice(0, 3)] = ["a"]
print(data)
del data[slice(None, None, 3)]
print(data)
try:
    hash(slice(1))
except TypeError as e:
    print(type(e).__name__, e)
