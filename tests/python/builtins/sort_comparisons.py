# list.sort and sorted compare as CPython's timsort does: the same number of __lt__ calls
# for runs, reversed runs, duplicates and random data, stable with keys and reverse.
import random
random.seed(5)
class C:
    n = 0
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        C.n += 1
        return self.v < o.v
log = []
for size in [0, 1, 2, 5, 63, 64, 65, 100, 257, 1000]:
    for kind in range(5):
        if kind == 0: data = [random.randrange(size * 2 + 1) for _ in range(size)]
        elif kind == 1: data = list(range(size))
        elif kind == 2: data = list(range(size, 0, -1))
        elif kind == 3: data = [random.randrange(3) for _ in range(size)]
        else: data = sorted(random.randrange(1000) for _ in range(size)) + [random.randrange(1000) for _ in range(size // 3)]
        C.n = 0
        objs = [C(x) for x in data]
        r = sorted(objs)
        assert [o.v for o in r] == sorted(data)
        # stability
        r2 = sorted(objs, key=lambda o: o.v // 3)
        log.append((size, kind, C.n, [objs.index(o) for o in r2][:20]))
        C.n = 0
        r3 = sorted(objs, reverse=True)
        log.append(C.n)
print(log)
# inconsistent comparisons never crash
class R:
    def __lt__(self, o): return random.random() < 0.5
for n in [10, 100, 1000]:
    xs = [R() for _ in range(n)]
    xs.sort()
    print(len(xs))
def bad(x):
    if x == 50: raise ValueError("bad key")
    return x
l = list(range(100, 0, -1))
try: l.sort(key=bad)
except ValueError as e: print(e, l[:3])
