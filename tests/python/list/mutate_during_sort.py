# A list changed by its key function or comparisons while it is sorted:
# it looks empty meanwhile, and the change is reported as CPython does.
l = [3, 1, 2]
seen = []
def key(x):
    seen.append(len(l))
    return x
l.sort(key=key)
print(l, seen)

def appending_key(x):
    l.append(x)
    return x
l = [5, 4, 3, 2, 1]
try:
    l.sort(key=appending_key)
except ValueError as e:
    print("ValueError:", e)
print(l)

class Meddler:
    def __init__(self, v, target):
        self.v = v
        self.target = target
    def __lt__(self, other):
        self.target.append(self.v)
        return self.v < other.v
    def __repr__(self):
        return "M(%d)" % self.v

for round in range(200):
    items = []
    items.extend(Meddler(v, items) for v in [4, 2, 9, 1])
    try:
        items.sort()
        print("sorted?")
    except ValueError as e:
        message = str(e)
print(message, items)

def raising_key(x):
    if x == 2:
        raise KeyError(x)
    return -x
l = [1, 2, 3]
try:
    l.sort(key=raising_key)
except KeyError as e:
    print("KeyError", e, l)

l = [3, 2, 1]
print(sorted(l, key=lambda x: (l.append(0), x)[1]), l)

def popping_key(x):
    if l2:
        l2.pop()
    return x
l2 = [1, 2, 3]
l2.sort(key=popping_key)
print(l2)
