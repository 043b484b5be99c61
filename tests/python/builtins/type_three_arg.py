# type(name, bases, dict): dynamic classes with methods, attributes, inheritance, isinstance, errors.
def greet(self):
    return "hi from " + self.name


Person = type("Person", (), {"name": "anon", "greet": greet, "legs": 2})
p = Person()
print(Person.__name__, type(p).__name__, p.greet(), p.legs, Person.__bases__[0].__name__)
p.name = "Ada"
print(p.greet(), isinstance(p, Person))
Child = type("Child", (Person,), {"legs": 3, "__repr__": lambda self: "<Child %s>" % self.name})
c = Child()
print(c, c.greet(), c.legs, issubclass(Child, Person), [k.__name__ for k in Child.__mro__])
Empty = type("Empty", (object,), {})
print(Empty.__name__, Empty().__class__ is Empty, sorted(k for k in vars(Empty) if not k.startswith("__")))
Counter = type("Counter", (), {"__init__": lambda self, n: setattr(self, "n", n), "__len__": lambda self: self.n})
print(len(Counter(7)))
Num = type("Num", (int,), {"double": lambda self: self * 2})
print(Num(21).double(), Num(5) + 1, isinstance(Num(1), int))
try:
    type("Bad", (1,), {})
except TypeError as e:
    print(type(e).__name__)
try:
    type("Bad", (), [])
except TypeError as e:
    print(type(e).__name__, e)
try:
    type(1, (), {})
except TypeError as e:
    print(type(e).__name__, e)
try:
    type("X", (bool,), {})
except TypeError as e:
    print(type(e).__name__, e)
