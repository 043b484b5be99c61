# super() follows the MRO of the instance, not the defining class: diamonds and cooperative __init__.
class A:
    def __init__(self):
        print("A.__init__")
        super().__init__()

    def who(self):
        return ["A"]


class B(A):
    def __init__(self):
        print("B.__init__")
        super().__init__()

    def who(self):
        return ["B"] + super().who()


class C(A):
    def __init__(self):
        print("C.__init__")
        super().__init__()

    def who(self):
        return ["C"] + super().who()


class D(B, C):
    def __init__(self):
        print("D.__init__")
        super().__init__()

    def who(self):
        return ["D"] + super().who()


print([k.__name__ for k in D.__mro__])
d = D()
print(d.who())
print(B().who(), C().who())


class Cooperative:
    def __init__(self, **kw):
        print("Cooperative leftovers", sorted(kw))
        super().__init__()


class Named(Cooperative):
    def __init__(self, name, **kw):
        self.name = name
        super().__init__(**kw)


class Aged(Cooperative):
    def __init__(self, age, **kw):
        self.age = age
        super().__init__(**kw)


class Person(Named, Aged):
    pass


p = Person(name="Ann", age=30, extra=1)
print(p.name, p.age, [k.__name__ for k in Person.__mro__])
try:
    class Bad(A, D):
        pass
except TypeError as e:
    print(type(e).__name__, e)
