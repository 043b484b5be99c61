# yield from delegates to a sub-iterator: values pass through, its return
# value becomes the expression's value, send/throw are forwarded, and it
# works over any iterable.
def inner():
    x = yield "inner 1"
    print("  inner got", x)
    yield "inner 2"
    return "inner result"
def outer():
    result = yield from inner()
    print("  outer got result", repr(result))
    yield "outer done"
    return "outer result"
g = outer()
print(next(g))
print(g.send("sent"))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("final", e.value)
def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain([1, 2], "ab", range(2), (x * 10 for x in range(2)), {"k": 0})))
def flatten(items):
    for item in items:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item
print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))
def catcher():
    try:
        yield 1
    except ValueError:
        yield "inner handled ValueError"
def delegator():
    yield from catcher()
    yield "after"
d = delegator()
print(next(d), d.throw(ValueError), next(d))
def sub_closing():
    try:
        yield 1
    finally:
        print("  inner finally")
def outer_closing():
    try:
        yield from sub_closing()
    finally:
        print("  outer finally")
oc = outer_closing()
next(oc)
oc.close()
def returns_only():
    return 5
    yield
def use_returns():
    v = yield from returns_only()
    yield v
print(list(use_returns()))
