# __new__ creates and __init__ initialises: __new__ receives the class,
# its result gets __init__ only when it is an instance of the class, a
# singleton via __new__, and __init__ must return None.
class Traced:
    def __new__(cls, *args):
        print("  __new__", cls.__name__, args)
        return super().__new__(cls)
    def __init__(self, value):
        print("  __init__", value)
        self.value = value
t = Traced(5)
print(t.value)
class Singleton:
    _instance = None
    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
            cls._instance.created = 0
        cls._instance.created += 1
        return cls._instance
a, b = Singleton(), Singleton()
print(a is b, a.created)
class NotMine:
    def __new__(cls):
        return 42
    def __init__(self):
        print("  never called")
print(NotMine())
class BadInit:
    def __init__(self):
        return 1
try:
    BadInit()
except TypeError as e:
    print(type(e).__name__, e)
class NoInit:
    pass
try:
    NoInit(1)
except TypeError as e:
    print(type(e).__name__, e)
class Needs:
    def __init__(self, a, b=2):
        self.total = a + b
try:
    Needs()
except TypeError as e:
    print(type(e).__name__, e)
print(Needs(1).total, Needs(1, b=5).total)
class Upper(str):
    def __new__(cls, text):
        return super().__new__(cls, text.upper())
u = Upper("hello")
print(u, type(u).__name__, isinstance(u, str), u + "!", len(u))
class Pos(int):
    def __new__(cls, v):
        return super().__new__(cls, abs(v))
print(Pos(-5), Pos(-5) + 1, type(Pos(3)).__name__)
obj = object.__new__(Traced)
print(hasattr(obj, "value"))
