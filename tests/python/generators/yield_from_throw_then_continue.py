# A value thrown into a generator delegating with `yield from`: the
# subgenerator catches it and returns, and the delegating generator goes
# on after its `yield from` with the returned value.
def inner():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("inner caught", e)
        return "ret"
    return "normal"

def outer():
    r = yield from inner()
    print("outer got", r)
    x = yield "after"
    print("sent", x)
    yield "end"

g = outer()
print(next(g))
print(g.throw(ValueError("boom")))
print(g.send(42))
g2 = outer()
print(next(g2), next(g2), next(g2))
def gen3():
    yield from range(3)
    yield from [10, 20]
    r = yield from (x for x in "ab")
    return r
print(list(gen3()))
