# Generators keep their local state between resumptions, several live
# generators from one function are independent, and generators can be
# interleaved by hand (a round-robin scheduler).
def counter(name, n):
    for i in range(n):
        yield f"{name}{i}"
a, b = counter("a", 3), counter("b", 5)
print(next(a), next(b), next(b), next(a))
tasks = [counter("x", 2), counter("y", 4), counter("z", 3)]
order = []
while tasks:
    task = tasks.pop(0)
    try:
        order.append(next(task))
        tasks.append(task)
    except StopIteration:
        pass
print(order)
def tracked():
    seen = []
    while True:
        item = yield seen[:]
        seen.append(item)
t = tracked()
next(t)
t.send(1)
print(t.send(2), t.send(3))
def windowed(seq, n):
    window = []
    for x in seq:
        window.append(x)
        if len(window) > n:
            window.pop(0)
        if len(window) == n:
            yield tuple(window)
print(list(windowed(range(6), 3)))
def tree(depth, prefix=""):
    yield prefix or "root"
    if depth:
        for side in "LR":
            yield from tree(depth - 1, prefix + side)
print(list(tree(2)))
