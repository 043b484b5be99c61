# Return values of generators: via StopIteration.value, through yield from
# chains, accumulated by a driver loop, and `return` with no value giving
# None.
def summer():
    total = 0
    while True:
        v = yield
        if v is None:
            return total
        total += v
def driver(values):
    g = summer()
    next(g)
    for v in values:
        g.send(v)
    try:
        g.send(None)
    except StopIteration as stop:
        return stop.value
print(driver([1, 2, 3]), driver([]))
def child(n):
    for i in range(n):
        yield i
    return n * 100
def parent():
    totals = []
    for n in (1, 2, 3):
        r = yield from child(n)
        totals.append(r)
    return totals
p = parent()
print(list(p))
p = parent()
while True:
    try:
        next(p)
    except StopIteration as e:
        print("parent returned", e.value)
        break
def bare():
    yield 1
    return
g = bare()
next(g)
try:
    next(g)
except StopIteration as e:
    print(repr(e.value), e.args)
def returns_tuple():
    return (1, 2)
    yield
try:
    next(returns_tuple())
except StopIteration as e:
    print(e.value, e.args)
