# staticmethod and classmethod: called on class and instance, inheritance gives cls the subclass, factories.
class Shape:
    count = 0

    def __init__(self, sides):
        self.sides = sides
        type(self).count += 1

    @staticmethod
    def describe(n):
        return "%d-sided" % n

    @classmethod
    def triangle(cls):
        return cls(3)

    @classmethod
    def name(cls):
        return cls.__name__

    def instance_name(self):
        return self.name()


class Square(Shape):
    @classmethod
    def make(cls):
        return cls(4)


print(Shape.describe(5), Shape(1).describe(6))
t = Shape.triangle()
print(type(t).__name__, t.sides)
sq = Square.triangle()
print(type(sq).__name__, sq.sides, Square.make().sides)
print(Shape.name(), Square.name(), sq.name(), sq.instance_name())
print(Shape.count, Square.count)
print(type(Shape.__dict__["describe"]).__name__, type(Shape.__dict__["triangle"]).__name__)
print(Shape.__dict__["describe"].__func__(7), Shape.triangle.__self__ is Shape, Square.triangle.__self__ is Square)


def plain(x):
    return x + 1


sm = staticmethod(plain)
cm = classmethod(lambda cls: cls.__name__)


class Late:
    inc = sm
    who = cm


print(Late.inc(1), Late().inc(2), Late.who(), Late().who())
try:
    Shape.describe()
except TypeError as e:
    print(type(e).__name__, e)
try:
    Shape.triangle(1)
except TypeError as e:
    print(type(e).__name__, e)
print(callable(sm), sm(10))
