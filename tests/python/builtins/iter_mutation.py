# Iterators over containers that change: dict/set size changes raise RuntimeError, lists see appends.
d = {1: "a", 2: "b"}
try:
    for k in d:
        d[k + 10] = "x"
except RuntimeError as e:
    print(type(e).__name__, e)
s = {1, 2}
try:
    for v in s:
        s.add(v + 10)
except RuntimeError as e:
    print(type(e).__name__, e)
d = {1: "a", 2: "b"}
for k in d:
    d[k] = d[k] * 2
print(d)
lst = [1, 2, 3]
for v in lst:
    if v < 4:
        lst.append(v + 3)
print(lst)
lst = [1, 2, 3, 4, 5, 6]
for v in lst:
    lst.remove(v)
print(lst)
it = iter([1, 2])
lst2 = list(it)
print(lst2, list(it))
keys = iter({"a": 1})
d2 = {"a": 1}
it2 = iter(d2)
d2["b"] = 2
try:
    next(it2)
except RuntimeError as e:
    print(type(e).__name__, e)


def gen():
    value = yield 1
    print("got", value)
    return "finished"


g = gen()
print(next(g))
try:
    g.send("sent")
except StopIteration as e:
    print(type(e).__name__, e.value)
