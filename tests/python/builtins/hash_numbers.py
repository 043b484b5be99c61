# hash of numbers and tuples: -1 maps to -2, equal numbers hash equal, int/float/bool agree, unhashables.
print(hash(0), hash(1), hash(-1), hash(-2), hash(123456), hash(True), hash(False))
print(hash(1.0) == hash(1), hash(0.0) == hash(-0.0) == hash(0), hash(2.5) == hash(2.5), hash(True) == hash(1))
print(hash(10**30) == hash(10**30), hash(-1.0), hash(float("inf")), hash(float("-inf")))
print(hash(2**61 - 1), hash(2**61), hash(-(2**61)), hash(2**64), hash(1e100) == hash(int(1e100)))
print(hash(0.5), hash(1.5), hash(-0.5))
print(hash((1, 2)) == hash((1, 2)), hash((1, 2)) == hash((1.0, 2.0)), hash(()) == hash(()))
print(hash((1, (2, 3))) == hash((1, (2, 3))), hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
d = {1: "int"}
d[1.0] = "float"
d[True] = "bool"
print(d, len({1, 1.0, True, 2, 2.0}))
for bad in [[], {}, set(), ([1],), {"a": 1}.keys()]:
    try:
        hash(bad)
    except TypeError as e:
        print(type(e).__name__, e)


class H:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return self.v

    def __eq__(self, other):
        return isinstance(other, H) and self.v == other.v


print(hash(H(5)), hash(H(-1)), hash(H(2**70)) == hash(2**70), len({H(1), H(1), H(2)}))


class NoHash:
    def __eq__(self, other):
        return True


try:
    hash(NoHash())
except TypeError as e:
    print(type(e).__name__, e)


class BadHash:
    def __hash__(self):
        return "x"


try:
    hash(BadHash())
except TypeError as e:
    print(type(e).__name__, e)
