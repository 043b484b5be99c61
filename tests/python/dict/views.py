# keys/values/items views: live (they see later changes), set operations on
# keys and items views, reversed(), len, membership, and mutation during
# iteration raising RuntimeError.
d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it)
d["d"] = 4
print(list(k), list(v), list(it), len(k), "d" in k, 4 in v, ("a", 1) in it, ("a", 2) in it)
print(sorted(k & {"a", "z"}), sorted(k | {"z"}), sorted(k - {"a"}), sorted(k ^ {"a", "q"}))
print(sorted(it & {("a", 1), ("b", 0)}), k == {"a", "b", "c", "d"}, k <= {"a", "b", "c", "d", "e"})
print(list(reversed(d)), list(reversed(d.values())), list(reversed(d.items())))
try:
    for key in d:
        d["new"] = 0
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    for key in d:
        del d[key]
except RuntimeError as e:
    print(type(e).__name__, e)
print(d)
e = {1: "x", 2: "y"}
for key in list(e):
    del e[key]
print(e)
try:
    k[0]
except TypeError as e2:
    print(type(e2).__name__, e2)
m = {"x": 1}
for key, val in m.items():
    m[key] = val + 1
print(m)
print({}.keys(), {}.items(), list({}.values()))
