# Instance methods, classmethods and staticmethods: calling through the
# class and through instances, bound method identity of self/cls,
# alternative constructors, and calling an unbound method explicitly.
class Temperature:
    scale = "C"
    count = 0
    def __init__(self, degrees):
        self.degrees = degrees
        Temperature.count += 1
    def to_f(self):
        return self.degrees * 9 / 5 + 32
    @classmethod
    def from_f(cls, f):
        return cls((f - 32) * 5 / 9)
    @classmethod
    def describe(cls):
        return f"{cls.__name__} in {cls.scale}"
    @staticmethod
    def is_freezing(c):
        return c <= 0
t = Temperature(100)
print(t.to_f(), Temperature.to_f(t), Temperature.from_f(212).degrees, t.from_f(32).degrees)
print(Temperature.describe(), t.describe(), Temperature.is_freezing(-1), t.is_freezing(5), Temperature.count)
class Kelvin(Temperature):
    scale = "K"
print(Kelvin.describe(), type(Kelvin.from_f(32)).__name__)
m = t.to_f
print(m(), m.__self__ is t, m.__func__ is Temperature.to_f, m.__name__)
t.degrees = 0
print(m())
try:
    Temperature.to_f()
except TypeError as e:
    print(type(e).__name__, e)
try:
    t.to_f(1)
except TypeError as e:
    print(type(e).__name__, e)
class Counter:
    def __init__(self):
        self.n = 0
    def inc(self):
        self.n += 1
        return self
c = Counter()
c.inc().inc().inc()
print(c.n)
print(type(Temperature.__dict__["from_f"]).__name__, type(Temperature.__dict__["is_freezing"]).__name__)
