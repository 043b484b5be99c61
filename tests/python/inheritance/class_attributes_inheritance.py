# Class attributes through inheritance: lookups walk the MRO, assignment
# on a subclass shadows without touching the base, mutable class
# attributes are shared by the whole hierarchy unless redefined, and
# counting instances per class via cls.
class Base:
    registry = []
    count = 0
    label = "base"
    def __init__(self):
        type(self).count += 1
        self.registry.append(type(self).__name__)
class A(Base):
    label = "a"
class B(Base):
    registry = []
a1, a2, b1, base = A(), A(), B(), Base()
print(Base.count, A.count, B.count, Base.registry, B.registry, A.registry is Base.registry)
print(A.label, B.label, Base.label, "label" in B.__dict__, "label" in A.__dict__)
Base.label = "changed"
print(A.label, B.label)
del A.label
print(A.label)
try:
    del A.label
except AttributeError as e:
    print(type(e).__name__, e)
class C(A, B):
    pass
print(C.registry is B.registry, C.label, [k.__name__ for k in C.__mro__])
