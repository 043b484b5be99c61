# Common None idioms: sentinel defaults, optional returns, `is None`
# versus falsiness (0 and "" are not None), None-coalescing with `or` and
# its pitfall, and None in sorting keys.
def find(items, target):
    for i, x in enumerate(items):
        if x == target:
            return i
    return None
for target in [3, 1, 99]:
    idx = find([1, 2, 3], target)
    print(target, idx, idx is None, "not found" if idx is None else f"at {idx}")
idx = find([5, 6], 5)
print(idx, bool(idx), idx is not None)
_missing = object()
def get(d, key, default=_missing):
    if key in d:
        return d[key]
    if default is _missing:
        raise KeyError(key)
    return default
print(get({"a": None}, "a"), get({}, "b", None), get({}, "c", 0))
try:
    get({}, "d")
except KeyError as e:
    print(type(e).__name__, e)
for value in [None, 0, "", "x"]:
    print(repr(value), repr(value or "default"), repr("default" if value is None else value))
people = [("ann", 30), ("bob", None), ("cy", 25)]
print(sorted(people, key=lambda p: (p[1] is None, p[1] or 0)))
print([x for x in [None, 1, None, 2] if x is not None], [None] * 2 == [None, None])
