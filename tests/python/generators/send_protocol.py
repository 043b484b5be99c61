# send(): the value sent becomes the result of the paused yield; the first
# send must be None; next() is send(None); a running-total coroutine.
def echo():
    received = "nothing"
    while True:
        received = yield f"got {received}"
g = echo()
print(g.send(None))
print(g.send("a"))
print(g.send(42))
print(next(g))
g2 = echo()
try:
    g2.send("too early")
except TypeError as e:
    print(type(e).__name__, e)
def averager():
    total = 0.0
    count = 0
    average = None
    while True:
        value = yield average
        if value is None:
            return count
        total += value
        count += 1
        average = total / count
avg = averager()
next(avg)
for v in [10, 20, 60]:
    print(avg.send(v))
try:
    avg.send(None)
except StopIteration as e:
    print("count", e.value)
def two_way():
    x = yield 1
    print("  x =", x)
    y = yield x * 2
    print("  y =", y)
t = two_way()
print(next(t), t.send(5))
try:
    t.send(7)
except StopIteration:
    print("done")
