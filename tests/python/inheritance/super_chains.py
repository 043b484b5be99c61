# Cooperative super(): in a diamond each __init__ runs once in MRO order,
# keyword arguments are peeled off along the chain, super() inside
# classmethods and properties, and the two-argument form.
class Root:
    def __init__(self, **kw):
        print("  Root", sorted(kw))
        super().__init__()
class Named(Root):
    def __init__(self, name, **kw):
        print("  Named", name)
        self.name = name
        super().__init__(**kw)
class Aged(Root):
    def __init__(self, age, **kw):
        print("  Aged", age)
        self.age = age
        super().__init__(**kw)
class Person(Named, Aged):
    def __init__(self, **kw):
        print("  Person")
        super().__init__(**kw)
p = Person(name="ann", age=30)
print(p.name, p.age, [k.__name__ for k in Person.__mro__])
class A:
    def step(self):
        return ["A"]
class B(A):
    def step(self):
        return ["B"] + super().step()
class C(A):
    def step(self):
        return ["C"] + super().step()
class D(B, C):
    def step(self):
        return ["D"] + super().step()
print(D().step(), B().step())
print(super(B, D()).step(), super(C, D()).step())
class Base:
    @classmethod
    def create(cls):
        return f"Base.create for {cls.__name__}"
    @property
    def label(self):
        return "base label"
class Derived(Base):
    @classmethod
    def create(cls):
        return "Derived -> " + super().create()
    @property
    def label(self):
        return "derived + " + super().label
print(Derived.create(), Derived().label)
class Early:
    def method(self):
        return super().method()
try:
    Early().method()
except AttributeError as e:
    print(type(e).__name__, e)
