# Keys that compare equal across types are one key: 1, 1.0 and True share
# a slot (the first-inserted key object is kept, the last value wins);
# hash(-1) == -2 must not make -1 and -2 collide as keys.
d = {1: "int"}
d[1.0] = "float"
d[True] = "bool"
print(d, len(d))
d2 = {True: "a", 1: "b", 1.0: "c"}
print(d2)
d3 = {0: "zero", False: "false", 0.0: "fzero", -0.0: "negzero"}
print(d3)
h = {-1: "minus one", -2: "minus two"}
print(h, h[-1], h[-2], len(h))
print(hash(-1), hash(-2), hash(-1) == hash(-2), -1 == -2)
print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(-0.0), hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61)))
print(hash(1.5), hash(-1.0), hash(10 ** 20) == hash(float(10 ** 20)))
big = {2 ** 64: "big", 2.0 ** 64: "bigfloat"}
print(big)
s = {1, 1.0, True}
print(s, len(s))
print({1: 0} == {1.0: 0}, {1: 0} == {True: 0})
nan = float("nan")
n = {nan: 1}
n[nan] = 2
print(n, len(n), nan in n, float("nan") in n)
n[float("nan")] = 3
print(len(n))
print({(1, 2): "t"}[(1.0, 2.0)], {frozenset([1]): "f"}[frozenset([1.0])])
counts = {}
for key in [1, 1.0, True, 2, 2.0, "2"]:
    counts[key] = counts.get(key, 0) + 1
print(counts)
