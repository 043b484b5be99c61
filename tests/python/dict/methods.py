# dict methods: update (all argument forms), pop with and without default,
# popitem (LIFO), setdefault, fromkeys (shared value), copy, clear, and |, |=.
d = {"a": 1}
d.update({"b": 2})
d.update([("c", 3)])
d.update(d=4, a=0)
print(d)
print(d.pop("a"), d.pop("zz", "none"), d)
try:
    d.pop("zz")
except KeyError as e:
    print(type(e).__name__, e)
print(d.popitem(), d.popitem(), d)
try:
    {}.popitem()
except KeyError as e:
    print(type(e).__name__, e)
s = {}
print(s.setdefault("k", []), s)
s.setdefault("k", []).append(1)
s.setdefault("k", []).append(2)
print(s, s.setdefault("n"), s)
f = dict.fromkeys(["x", "y"], [])
f["x"].append(1)
print(f, dict.fromkeys("ab"), dict.fromkeys(range(3), 0))
c = f.copy()
c["z"] = 0
print(len(f), len(c), c["x"] is f["x"])
c.clear()
print(c)
a = {"p": 1, "q": 2}
b = {"q": 20, "r": 30}
print(a | b, b | a, a)
a |= b
print(a)
a |= [("s", 4)]
print(a)
try:
    a | [("t", 5)]
except TypeError as e:
    print(type(e).__name__, e)
try:
    d.update(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    d.update([(1, 2, 3)])
except ValueError as e:
    print(type(e).__name__, e)
