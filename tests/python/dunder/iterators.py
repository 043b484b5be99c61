# The iterator protocol: __iter__ returning self with __next__ raising
# StopIteration, iterables returning fresh iterators (re-iterable), iter()
# on objects without the protocol, and the two-argument iter(callable, sentinel).
class CountDown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1
c = CountDown(3)
print(list(c), list(c))
class Range3:
    def __iter__(self):
        return CountDown(3)
r = Range3()
print(list(r), list(r), sum(r), max(r), sorted(r))
for x in CountDown(2):
    print("loop", x)
it = iter(CountDown(2))
print(next(it), next(it), next(it, "done"))
class NotIterable:
    pass
try:
    iter(NotIterable())
except TypeError as e:
    print(type(e).__name__, e)
try:
    for _ in NotIterable():
        pass
except TypeError as e:
    print(type(e).__name__, e)
class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    print(type(e).__name__, e)
values = [1, 2, 3, 0, 4]
pos = [0]
def produce():
    v = values[pos[0]]
    pos[0] += 1
    return v
print(list(iter(produce, 0)))
class Fib:
    def __init__(self, limit):
        self.limit = limit
    def __iter__(self):
        a, b = 0, 1
        while a < self.limit:
            yield a
            a, b = b, a + b
print(list(Fib(50)), 21 in Fib(50), 22 in Fib(50))
print(dict(zip(CountDown(3), "abc")), list(enumerate(CountDown(2))))
