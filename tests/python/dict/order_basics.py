# dicts keep insertion order: overwriting keeps a key's position, deleting
# and re-adding moves it to the end; plus repr, len, in, get and KeyError.
d = {}
d["b"] = 1
d["a"] = 2
d["c"] = 3
print(d, list(d), len(d))
d["b"] = 10
print(d)
del d["b"]
d["b"] = 20
print(d)
print("a" in d, "z" in d, 2 in d, d.get("a"), d.get("z"), d.get("z", "dflt"))
try:
    d["z"]
except KeyError as e:
    print(type(e).__name__, e, repr(e))
try:
    del d["z"]
except KeyError as e:
    print(type(e).__name__, e)
try:
    d[[1]] = 0
except TypeError as e:
    print(type(e).__name__, e)
try:
    {}[(1, [2])]
except TypeError as e:
    print(type(e).__name__, e)
print({1: "a", "1": "b", (1,): "c", None: "d", 2.5: "e"})
print(dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict({"k": "v"}, extra=True), dict(zip("abc", range(3))))
try:
    dict([("a", 1, 2)])
except ValueError as e:
    print(type(e).__name__, e)
try:
    dict([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
big = {i: i * i for i in range(1000)}
for i in range(0, 1000, 2):
    del big[i]
print(len(big), list(big)[:5], big[999], sum(big.values()))
e = {"x": {"y": {"z": 1}}}
e["x"]["y"]["w"] = 2
print(e, e == {"x": {"y": {"w": 2, "z": 1}}})
print({} == {}, {1: 2} == {1: 2.0}, {1: 2} != {1: 3}, {"a": 1, "b": 2} == {"b": 2, "a": 1})
try:
    {1: 2} < {1: 3}
except TypeError as e:
    print(type(e).__name__, e)
