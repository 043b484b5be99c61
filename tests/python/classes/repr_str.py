# repr and str of classes and of instances with custom __repr__/__str__:
# str falls back to __repr__, containers use repr of their items, and
# repr(class) shows the module-qualified name.
class Plain:
    pass
class OnlyRepr:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"OnlyRepr({self.v!r})"
class Both:
    def __repr__(self):
        return "Both<repr>"
    def __str__(self):
        return "Both<str>"
print(repr(Plain), str(Plain), Plain, OnlyRepr)
r = OnlyRepr("x")
print(r, str(r), repr(r), [r], (r,), {"k": r}, f"{r}", f"{r!r}", "%s %r" % (r, r))
b = Both()
print(b, str(b), repr(b), [b], [b, b], f"{b} {b!r}", "{} {!r}".format(b, b))
class Nested:
    class Inner:
        pass
print(Nested.Inner, Nested.Inner.__qualname__, Nested.Inner.__name__)
class BadRepr:
    def __repr__(self):
        return 5
try:
    repr(BadRepr())
except TypeError as e:
    print(type(e).__name__, e)
class BadStr:
    def __str__(self):
        return None
try:
    str(BadStr())
except TypeError as e:
    print(type(e).__name__, e)
print(type(Plain()).__name__, type(Plain).__name__, type(type).__name__, type(5), type("s"), type(None), type([]))
print(repr(int), repr(object), str(type), repr(ValueError))
class Recursive:
    def __init__(self):
        self.children = []
    def __repr__(self):
        return f"R{self.children}"
root = Recursive()
root.children.append(Recursive())
print(root)
