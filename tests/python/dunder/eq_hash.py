# __eq__ and __hash__: equality used by ==, !=, in, list.index/count and
# dict/set lookup; __ne__ derived from __eq__; defining __eq__ without
# __hash__ makes a class unhashable; NotImplemented falls back to identity.
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __eq__(self, other):
        print(f"  Money.__eq__({self.cents}, {other!r})")
        if not isinstance(other, Money):
            return NotImplemented
        return self.cents == other.cents
    def __hash__(self):
        return hash(self.cents)
    def __repr__(self):
        return f"Money({self.cents})"
a, b, c = Money(100), Money(100), Money(5)
print(a == b, a != b, a == c, a != c)
print(a == 100, 100 == a)
print([c, a].index(b), [a, b, c].count(Money(100)))
print(b in {a}, len({a, b, c}), {a: "x"}[b])
class NoHash:
    def __eq__(self, other):
        return True
print(NoHash.__hash__ is None)
try:
    {NoHash()}
except TypeError as e:
    print(type(e).__name__, e)
class Ident:
    pass
i1, i2 = Ident(), Ident()
print(i1 == i1, i1 == i2, i1 != i2, i1 in [i2], i1 in [i1])
class AlwaysNE:
    def __ne__(self, other):
        return "custom ne"
print(AlwaysNE() != 1, AlwaysNE() == 1)
class ReturnsNonBool:
    def __eq__(self, other):
        return "truthy string"
print(ReturnsNonBool() == 1, bool(ReturnsNonBool() == 1), [ReturnsNonBool()].count(5))
class Hashable:
    def __init__(self, k):
        self.k = k
    def __eq__(self, o):
        return isinstance(o, Hashable) and self.k == o.k
    __hash__ = object.__hash__
print(Hashable(1) == Hashable(1), len({Hashable(1), Hashable(1)}))
