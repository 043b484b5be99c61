# dict(): from mappings, pair iterables, keywords, both combined, fromkeys; errors for bad pairs.
print(dict(), dict(a=1, b=2), dict({"x": 1}), dict([("k", 1), ("v", 2)]), dict(zip("ab", range(2))))
print(dict({"a": 1}, b=2), dict([("a", 1)], a=3), dict([(1, 2), (1, 3)]), dict(["ab", "cd"]))
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0), dict.fromkeys([]))
shared = dict.fromkeys("xy", [])
shared["x"].append(1)
print(shared)
original = {"a": [1]}
copy = dict(original)
copy["b"] = 2
copy["a"].append(2)
print(original, copy)
for bad in [[1, 2], [(1, 2, 3)], ["abc"], [("a",)]]:
    try:
        dict(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    dict(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    dict({}, {})
except TypeError as e:
    print(type(e).__name__, e)
try:
    dict([([1], 2)])
except TypeError as e:
    print(type(e).__name__, e)


class KeysAndGetitem:
    def keys(self):
        return ["p", "q"]

    def __getitem__(self, k):
        return k * 2


print(dict(KeysAndGetitem()))
print(dict({1: "int", 1.0: "float", True: "bool"}))
print(dict(**{"a": 1}, b=2))
print({**{"a": 1}, **{"a": 2, "c": 3}}, {"a": 1} | {"b": 2})
