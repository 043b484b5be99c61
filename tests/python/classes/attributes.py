# Class versus instance attributes: lookup falls back from instance to
# class, assignment on an instance shadows, mutable class attributes are
# shared, and deleting the shadow reveals the class value again.
class Dog:
    species = "canis"
    tricks = []
    def __init__(self, name):
        self.name = name
a, b = Dog("rex"), Dog("fido")
print(a.species, b.species, Dog.species, a.name, b.name)
a.species = "wolf"
print(a.species, b.species, Dog.species)
del a.species
print(a.species)
Dog.species = "changed"
print(a.species, b.species)
a.tricks.append("roll")
print(b.tricks, Dog.tricks, a.tricks is b.tricks)
a.tricks = ["own"]
print(a.tricks, b.tricks)
print(sorted(a.__dict__), sorted(b.__dict__), "species" in Dog.__dict__)
try:
    a.missing
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del b.species
except AttributeError as e:
    print(type(e).__name__, e)
try:
    Dog.nothing
except AttributeError as e:
    print(type(e).__name__, e)
a.dynamic = 42
print(a.dynamic, hasattr(b, "dynamic"), getattr(b, "dynamic", "default"))
setattr(b, "color", "brown")
print(b.color, getattr(b, "color"), b.__dict__)
delattr(b, "color")
print(hasattr(b, "color"))
Dog.added_later = lambda self: f"{self.name} added"
print(a.added_later())
print(type(a).__name__, a.__class__.__name__, type(a) is Dog, Dog.__name__, Dog.__qualname__, Dog.__module__)
