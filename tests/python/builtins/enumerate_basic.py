# enumerate: default and given start (also negative and keyword), over iterators, laziness, errors.
print(list(enumerate("abc")))
print(list(enumerate("abc", 1)))
print(list(enumerate("abc", start=-2)))
print(list(enumerate([], 5)))
print(list(enumerate(range(3), 10**20)))
for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    print(i, a, b)
e = enumerate(iter([10, 20, 30]))
print(next(e))
print(list(e))
print(next(e, "exhausted"))
d = {"x": 1, "y": 2}
print(dict(enumerate(d)))
print([i * c for i, c in enumerate("xyz")])


def gen():
    for c in "pq":
        print("yield", c)
        yield c


en = enumerate(gen())
print("created")
print(next(en))
print(list(en))
try:
    enumerate(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    enumerate("a", "b")
except TypeError as e:
    print(type(e).__name__, e)
try:
    enumerate("a", 1.5)
except TypeError as e:
    print(type(e).__name__, e)
print(type(enumerate("")).__name__)
