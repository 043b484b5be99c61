# Single inheritance: method lookup through the chain, overriding, calling
# the parent explicitly and with super(), attributes set by parent __init__,
# and inherited class attributes.
class Base:
    kind = "base"
    def __init__(self, name):
        self.name = name
        print("  Base.__init__", name)
    def greet(self):
        return f"hello from {self.name} ({self.kind})"
    def template(self):
        return f"[{self.part()}]"
    def part(self):
        return "base part"
class Child(Base):
    kind = "child"
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
        print("  Child.__init__", age)
    def part(self):
        return "child part"
class GrandChild(Child):
    def greet(self):
        return "grand: " + super().greet()
    def part(self):
        return Base.part(self) + " + " + super().part()
b = Base("b")
c = Child("c", 5)
g = GrandChild("g", 1)
print(b.greet(), c.greet(), g.greet(), sep="\n")
print(b.template(), c.template(), g.template())
print(g.name, g.age, g.kind, GrandChild.kind, GrandChild.__mro__)
print([cls.__name__ for cls in GrandChild.__mro__])
class NoInit(Child):
    pass
n = NoInit("n", 9)
print(n.age)
try:
    NoInit("x")
except TypeError as e:
    print(type(e).__name__, e)
print(issubclass(GrandChild, Base), isinstance(g, Child), Child.__bases__, GrandChild.__base__)
