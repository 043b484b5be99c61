# exec/eval with explicit globals and locals dicts: isolation, __builtins__ insertion, restricted builtins.
g = {}
exec("a = 1\nb = a + 1", g)
print(sorted(k for k in g if k != "__builtins__"), g["b"], "__builtins__" in g)
print(eval("a * 100 + b", g))
print(eval("x + y", {"x": 1}, {"y": 2}), eval("x", {"x": "global"}, {"x": "local"}))
loc = {}
exec("v = 3\nw = v * 2", {}, loc)
print(loc)
ns = {"data": [3, 1, 2]}
exec("data.sort()\nresult = sum(data)", ns)
print(ns["data"], ns["result"])
try:
    eval("len('x')", {"__builtins__": {}})
except NameError as e:
    print(type(e).__name__, e)
print(eval("abs(-3)", {"__builtins__": {"abs": abs}}))
try:
    exec("print('no')", {"__builtins__": {}})
except NameError as e:
    print(type(e).__name__, e)
counter = {"n": 0}
for _ in range(3):
    exec("n += 1", counter)
print(counter["n"])
g2 = {"__name__": "fake"}
exec("name_seen = __name__", g2)
print(g2["name_seen"])
exec("def f():\n    return hidden\n", g3 := {"hidden": "found"})
print(g3["f"]())
try:
    eval("1", [])
except TypeError as e:
    print(type(e).__name__, e)
try:
    eval("1", {}, 5)
except TypeError as e:
    print(type(e).__name__, e)
print("a" in globals(), "v" in globals())
