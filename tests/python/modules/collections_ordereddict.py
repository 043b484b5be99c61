# collections.OrderedDict: insertion order, move_to_end both ways, popitem(last=), order-sensitive equality.
from collections import OrderedDict

od = OrderedDict()
od["b"] = 2
od["a"] = 1
od["c"] = 3
print(od, list(od), list(od.values()))
od.move_to_end("b")
print(list(od))
od.move_to_end("b", last=False)
print(list(od))
print(od.popitem(), od.popitem(last=False), od)
try:
    od.move_to_end("missing")
except KeyError as e:
    print(type(e).__name__, e)
o1 = OrderedDict([("x", 1), ("y", 2)])
o2 = OrderedDict([("y", 2), ("x", 1)])
print(o1 == o2, dict(o1) == dict(o2), o1 == {"y": 2, "x": 1})
o1["x"] = 10
print(list(o1.items()))
del o1["x"]
o1["x"] = 5
print(list(o1.items()))
empty = OrderedDict()
try:
    empty.popitem()
except KeyError as e:
    print(type(e).__name__, e)
print(OrderedDict.fromkeys("abc", 0), OrderedDict(a=1) | {"b": 2})
lru = OrderedDict()
for key in ["a", "b", "c", "a", "d", "b", "e"]:
    if key in lru:
        lru.move_to_end(key)
    lru[key] = True
    if len(lru) > 3:
        lru.popitem(last=False)
    print(key, list(lru))
print(list(reversed(OrderedDict.fromkeys("xyz"))), repr(OrderedDict()))
