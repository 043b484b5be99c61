# User objects as dict keys: __hash__ and __eq__ are called the way the
# language specifies; equal hash but unequal objects stay distinct; defining
# __eq__ alone makes instances unhashable.
class Key:
    def __init__(self, name, h):
        self.name, self.h = name, h
    def __hash__(self):
        return self.h
    def __eq__(self, other):
        return isinstance(other, Key) and self.name == other.name
    def __repr__(self):
        return f"Key({self.name!r})"
d = {Key("a", 1): 1, Key("b", 1): 2, Key("c", 2): 3}
print(d, len(d))
print(d[Key("a", 1)], d[Key("b", 1)], Key("a", 1) in d, Key("a", 5) in d)
d[Key("a", 1)] = 100
print(d)
class EqOnly:
    def __eq__(self, other):
        return True
try:
    {EqOnly(): 1}
except TypeError as e:
    print(type(e).__name__, e)
print(EqOnly.__hash__)
class Plain:
    pass
p1, p2 = Plain(), Plain()
pd = {p1: "one", p2: "two"}
print(pd[p1], pd[p2], len(pd))
class BadHash:
    def __hash__(self):
        return "nope"
try:
    {BadHash(): 1}
except TypeError as e:
    print(type(e).__name__, e)
class BigHash:
    def __hash__(self):
        return 2 ** 100
print({BigHash(): 1} is not None, hash(BigHash()) == hash(2 ** 100))
class Counted:
    calls = 0
    def __hash__(self):
        Counted.calls += 1
        return 7
    def __eq__(self, other):
        return self is other
c = Counted()
dd = {c: 1}
dd[c]
c in dd
print("hash calls", Counted.calls)
