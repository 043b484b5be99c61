# Iteration order of dicts through every operation that changes them:
# update keeps existing positions, pop + reinsert moves to the end,
# popitem takes the last, dict(zip) and comprehensions preserve source
# order, and equality ignores order.
d = dict.fromkeys("dcba", 0)
print(list(d))
d.update({"b": 1, "e": 2, "a": 3})
print(d)
d["c"] = d.pop("c")
print(list(d))
print(d.popitem(), list(d))
d.setdefault("z", 9)
d.setdefault("d", 9)
print(d)
print(list(reversed(d)), list(d.keys())[::-1] == list(reversed(d)))
e = {k: d[k] for k in sorted(d)}
print(e, e == d, list(e) == list(d))
keys = ["x", "y", "x", "z", "y"]
print(dict.fromkeys(keys), dict(zip(keys, range(5))))
f = {}
for i in range(10):
    f[i % 4] = i
print(f)
g = {i: i for i in range(6)}
for k in [0, 2, 4]:
    del g[k]
g[0] = "back"
print(g, list(g.items())[0])
