# Metaclasses: __new__/__init__ of a type subclass with keywords, methods,
# properties and special methods (len, iter, [], in) on the classes it
# makes, a metaclass __call__ reaching type.__call__ through super(),
# __prepare__ (a plain dict, and a dict subclass that refuses
# redefinitions), and calling a metaclass directly.
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta.__new__", name, sorted(k for k in ns if not k.startswith("__")), kw)
        cls = super().__new__(mcls, name, bases, ns)
        cls.tag = name.lower()
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name)
    def __len__(cls):
        return 42
    def __iter__(cls):
        return iter([1, 2, 3])
    def __getitem__(cls, k):
        return k * 2
    def __contains__(cls, x):
        return x == 7
    def hello(cls):
        return "hello from " + cls.__name__
    @property
    def prop(cls):
        return "prop of " + cls.__name__
class A(metaclass=Meta):
    x = 1
    def m(self):
        return __class__
class B(A, flag=True):
    pass
print(type(A).__name__, type(B) is Meta, isinstance(A, Meta), isinstance(A, type), A.tag, B.tag)
print(len(A), list(B), A[5], 7 in A, 3 in A, A.hello(), B.prop, A().m() is A)
class CountingMeta(type):
    def __call__(cls, *a, **k):
        print("calling", cls.__name__, a)
        return super().__call__(*a, **k)
class C(metaclass=CountingMeta):
    def __init__(self, v):
        self.v = v
print(C(5).v)
class Prep(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        print("prepare", name)
        return {"injected": 99}
class D(metaclass=Prep):
    pass
print(D.injected)
class Ns(dict):
    def __setitem__(self, k, v):
        if k in self:
            raise TypeError(f"{k!r} already defined")
        super().__setitem__(k, v)
class Strict(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return Ns()
try:
    class E(metaclass=Strict):
        a = 1
        a = 2
except TypeError as e:
    print(e)
class F(metaclass=Strict):
    a = 1
    b = a + 1
print(F.b, type(F).__name__)
X = Meta("X", (), {"q": 3})
print(X.q, type(X).__name__)
