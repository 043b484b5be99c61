# abc: ABC with abstractmethod; instantiation errors list the missing methods; concrete subclasses work.
from abc import ABC, abstractmethod


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def name(self):
        ...

    def describe(self):
        return "%s with area %s" % (self.name(), self.area())


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2

    def name(self):
        return "square"


class Partial(Shape):
    def area(self):
        return 0


print(Square(3).describe(), isinstance(Square(1), Shape), issubclass(Square, ABC))
for cls in [Shape, Partial]:
    try:
        cls()
    except TypeError as e:
        print(type(e).__name__, e)


class Base(ABC):
    @property
    @abstractmethod
    def size(self):
        ...

    @classmethod
    @abstractmethod
    def make(cls):
        ...


class Impl(Base):
    @property
    def size(self):
        return 10

    @classmethod
    def make(cls):
        return cls()


print(Impl.make().size, sorted(Base.__abstractmethods__), sorted(Impl.__abstractmethods__))


class NoAbstract(ABC):
    pass


print(type(NoAbstract()).__name__)


class Registered:
    pass


Shape.register(Registered)
print(isinstance(Registered(), Shape), issubclass(Registered, Shape))
