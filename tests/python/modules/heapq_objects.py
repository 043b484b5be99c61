# heapq with user objects ordered by __lt__, and with (priority, counter, item) entries for stable order.
import heapq
import itertools


class Job:
    def __init__(self, prio, name):
        self.prio, self.name = prio, name

    def __lt__(self, other):
        return self.prio < other.prio

    def __repr__(self):
        return "%s:%d" % (self.name, self.prio)


h = []
for j in [Job(3, "c"), Job(1, "a"), Job(2, "b"), Job(1, "a2")]:
    heapq.heappush(h, j)
print(h)
print([heapq.heappop(h) for _ in range(4)])
counter = itertools.count()
q = []
for prio, item in [(2, "x"), (1, "y"), (2, "z"), (1, "w")]:
    heapq.heappush(q, (prio, next(counter), item))
print([heapq.heappop(q)[2] for _ in range(4)])
print(heapq.nsmallest(2, [Job(5, "e"), Job(0, "z"), Job(3, "t")]))
