# collections.ChainMap: lookups through several mappings in order, writes to
# the first, children and parents, iteration order, errors.
from collections import ChainMap

defaults = {"color": "red", "user": "guest", "size": 1}
env = {"user": "admin"}
cli = {"size": 3}
c = ChainMap(cli, env, defaults)
print(c["user"], c["color"], c["size"], len(c), "color" in c, "x" in c)
print(list(c), sorted(c.items()), c.get("x"), c.get("x", 0))
c["color"] = "blue"
print(cli, defaults["color"], c["color"])
del c["color"]
print(c["color"])
try:
    del c["user"]
except KeyError as e:
    print("KeyError:", e)
try:
    c["missing"]
except KeyError as e:
    print("KeyError:", e)
child = c.new_child({"user": "root"})
print(child["user"], child.parents["user"], len(child.maps))
print(ChainMap(), bool(ChainMap()), bool(ChainMap({}, {1: 2})))
print(repr(ChainMap({1: 2}, {3: 4})))
print(ChainMap({1: 2}) == {1: 2}, dict(ChainMap({"a": 1}, {"a": 2, "b": 3})))
copied = c.copy()
copied["new"] = 1
print("new" in c, "new" in copied, c.pop("size"), c.pop("nothing", "dflt"))
