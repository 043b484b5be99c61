# Multiple inheritance and the C3 linearisation: __mro__ of diamonds and
# of wider hierarchies, attribute lookup order, and an inconsistent MRO
# raising TypeError.
class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B"
class C(A):
    def who(self):
        return "C"
class D(B, C):
    pass
class E(C, B):
    pass
print([k.__name__ for k in D.__mro__], D().who())
print([k.__name__ for k in E.__mro__], E().who())
class O: pass
class X(O): pass
class Y(O): pass
class Z(O): pass
class K1(X, Y): pass
class K2(Y, Z): pass
class K3(X, Z): pass
class M(K1, K2, K3): pass
print([k.__name__ for k in M.__mro__])
print(M.mro() == list(M.__mro__))
try:
    class Bad(A, B):
        pass
except TypeError as e:
    print(type(e).__name__, e)
class Left:
    value = "left"
class Right:
    value = "right"
    only_right = "R"
class Both(Left, Right):
    pass
print(Both.value, Both.only_right, Both.__bases__)
try:
    class Dup(A, A):
        pass
except TypeError as e:
    print(type(e).__name__, e)
print(D.__mro__)
