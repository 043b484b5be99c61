# The errors dict operations raise: KeyError with the key's repr as str,
# unhashable keys, wrong constructor input, fromkeys with non-iterables,
# comparison ordering, and modifying while iterating over items.
d = {"a": 1}
for key in ["missing", 0, (1, 2), None, ""]:
    try:
        d[key]
    except KeyError as e:
        print(type(e).__name__, str(e), e.args)
for bad in [[], {}, set(), bytearray()]:
    try:
        d[bad] = 1
    except TypeError as e:
        print(type(e).__name__, e)
for bad in [[1, 2], [(1,)], "ab", [(1, 2, 3)], 5]:
    try:
        print(dict(bad))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    dict.fromkeys(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    {"a": 1} < {"b": 2}
except TypeError as e:
    print(type(e).__name__, e)
try:
    for k, v in d.items():
        d[k + "x"] = v
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    d.get()
except TypeError as e:
    print(type(e).__name__, e)
try:
    {}.pop()
except TypeError as e:
    print(type(e).__name__, e)
print(d.get("a", "x"), d)
