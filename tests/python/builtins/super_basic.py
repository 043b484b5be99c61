# super(): zero-argument form in methods, two-argument form, __init__ chains, class methods, errors.
class Animal:
    def __init__(self, name):
        self.name = name

    def speak(self):
        return "..."

    def describe(self):
        return "%s says %s" % (self.name, self.speak())

    @classmethod
    def create(cls, name):
        return cls(name)


class Dog(Animal):
    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed

    def speak(self):
        return "woof (" + super().speak() + ")"

    @classmethod
    def create(cls, name):
        obj = super().create(name) if False else cls(name, "mutt")
        return obj


class Puppy(Dog):
    def speak(self):
        return super(Dog, self).speak() + " / " + super().speak()


d = Dog("Rex", "lab")
print(d.describe(), d.breed)
print(Puppy("Bit", "pug").describe())
print(Dog.create("Gen").breed, Animal.create("Plain").describe())
print(super(Dog, d).speak(), super(Puppy, Puppy("p", "q")).speak())
print(type(super(Dog, d)).__name__)


class Outer:
    def method(self):
        return super().__class__.__name__, super().__str__ is not None


print(Outer().method())


class Base:
    def __repr__(self):
        return "Base-repr"


class Child(Base):
    def __repr__(self):
        return "Child(" + super().__repr__() + ")"


print(repr(Child()))


def not_a_method():
    return super()


try:
    not_a_method()
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    super(Dog, Animal("x"))
except TypeError as e:
    print(type(e).__name__, e)
try:
    super(Animal, d).missing
except AttributeError as e:
    print(type(e).__name__, e)
