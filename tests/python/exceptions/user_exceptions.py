# User exception classes: args and str() for zero, one and several
# arguments, custom __init__ and __str__, attributes, and repr.
class Plain(Exception):
    pass
for e in [Plain(), Plain("one"), Plain("a", 2), Plain(None), Plain("")]:
    print(repr(e), repr(str(e)), e.args)
class WithFields(Exception):
    def __init__(self, field, value):
        super().__init__(f"bad {field}: {value!r}")
        self.field = field
        self.value = value
try:
    raise WithFields("age", -3)
except WithFields as e:
    print(e, e.field, e.value, e.args, repr(e))
class CustomStr(Exception):
    def __str__(self):
        return "custom message"
print(str(CustomStr("ignored")), repr(CustomStr("kept in repr")))
class NoSuper(Exception):
    def __init__(self, x):
        self.x = x
n = NoSuper(5)
print(n.args, str(n), n.x)
class Hierarchy(Exception): pass
class Child(Hierarchy): pass
class GrandChild(Child): pass
for exc in [Hierarchy, Child, GrandChild]:
    try:
        raise exc("level")
    except Child as e:
        print("caught as Child:", type(e).__name__)
    except Hierarchy as e:
        print("caught as Hierarchy:", type(e).__name__)
try:
    raise Plain
except Plain as e:
    print("class raised ->", repr(e))
class NotAnException:
    pass
try:
    raise NotAnException()
except TypeError as e:
    print(type(e).__name__, e)
try:
    raise 5
except TypeError as e:
    print(type(e).__name__, e)
e = Exception("x", "y")
e.args = ("replaced",)
print(e, e.args)
print(str(KeyError("k")), str(KeyError("k", "v")), str(KeyError()), repr(KeyError("k")))
