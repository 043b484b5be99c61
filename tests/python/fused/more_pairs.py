# Superinstructions of the plain interpreter: an attribute then a local, an
# item stored to a local, two stores, a constant operand, and a for loop's
# next item taken at its back edge; each with the cases their fast paths do
# not cover (the first half then runs alone), whose results and errors must
# be the same.

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

class Lazy:
    def __getattr__(self, name):
        return "computed " + name

class Prop:
    @property
    def x(self):
        return 42

def attr_then_local(objs):
    out = []
    for o in objs:
        k = 7
        out.append((o.x, k))
    return out

print(attr_then_local([Point(1, 2), Point(3, 4), Lazy(), Prop(), Point("a", None)]))

def attr_error():
    k = 1
    try:
        return Point(1, 2).z, k
    except AttributeError as e:
        return "AttributeError: %s" % e

print(attr_error())

def item_to_local(seqs, i):
    out = []
    for s in seqs:
        try:
            v = s[i]
            out.append(v)
        except (IndexError, KeyError, TypeError) as e:
            out.append(type(e).__name__ + ": " + str(e))
    return out

print(item_to_local([[1, 2, 3], (4, 5, 6), "xyz", {1: "one"}, range(10), [0], {}, 5], 1))
print(item_to_local([[1, 2, 3], (4, 5), "xyz"], -1))
print(item_to_local([[1, 2, 3]], 10 ** 30))

def two_stores(pairs):
    total = 0
    for p in pairs:
        a, b = p
        total += a * b
    return total

print(two_stores([(1, 2), [3, 4], "ab" and (5, 6), range(2)]))
try:
    two_stores([(1, 2, 3)])
except ValueError as e:
    print("ValueError:", e)
try:
    two_stores([(1,)])
except ValueError as e:
    print("ValueError:", e)

def swap(a, b):
    a, b = b, a
    return a, b

print(swap(1, "x"))

def constant_operand(xs):
    out = []
    for x in xs:
        y = x
        y += 1
        out.append((y, x * 2, x - 3, x / 4, x // 5, x % 6, x ** 2))
    return out

print(constant_operand([0, 7, -7, 2.5, True, 2 ** 62, 2 ** 63 - 1, 10 ** 20]))

def string_constant(xs):
    return [x + "!" for x in xs] + [x * 3 for x in xs]

print(string_constant(["a", "bc"]))
try:
    constant_operand(["s"])
except TypeError as e:
    print("TypeError:", e)

class Num:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        return Num(self.v + other)

    def __iadd__(self, other):
        self.v -= other
        return self

    def __repr__(self):
        return "Num(%r)" % self.v

n = Num(10)
m = n + 1
n += 1
print(m, n)

def loops():
    out = []
    items = [1, 2, 3]
    for x in items:
        if x == 1:
            items.append(4)
        out.append(x)
    for x in (5, 6):
        out.append(x)
    for x in range(3, -4, -3):
        out.append(x)
    for x in range(2 ** 63 - 2, 2 ** 63 + 1):
        out.append(x)
    it = iter([7, 8, 9])
    for x in it:
        out.append(x)
        break
    for x in it:
        out.append(x)
    for x in (i * i for i in range(3)):
        out.append(x)
    for i, x in enumerate("ab"):
        out.append((i, x))
    for x in []:
        out.append("never")
    else:
        out.append("else")
    total = 0
    for x in range(100):
        for y in range(x):
            total += y
    out.append(total)
    return out

print(loops())
