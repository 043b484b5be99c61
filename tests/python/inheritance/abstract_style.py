# Abstract-style base classes: methods raising NotImplementedError until a
# subclass overrides them, template methods calling the hooks, and
# polymorphic dispatch over a list of shapes.
class Shape:
    def area(self):
        raise NotImplementedError(f"{type(self).__name__} must implement area")
    def perimeter(self):
        raise NotImplementedError
    def describe(self):
        return f"{type(self).__name__}: area={self.area():.2f} perimeter={self.perimeter():.2f}"
class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
    def perimeter(self):
        return 2 * (self.w + self.h)
class Square(Rect):
    def __init__(self, side):
        super().__init__(side, side)
class Circle(Shape):
    def __init__(self, r):
        self.r = r
    def area(self):
        return 3.141592653589793 * self.r ** 2
    def perimeter(self):
        return 2 * 3.141592653589793 * self.r
class Half(Shape):
    def area(self):
        return 1.0
for s in [Rect(2, 3), Square(4), Circle(1)]:
    print(s.describe())
for s in [Shape(), Half()]:
    try:
        print(s.describe())
    except NotImplementedError as e:
        print(type(e).__name__, repr(str(e)), e.args)
print(sorted([Rect(1, 5), Square(2), Circle(1)], key=lambda s: s.area())[0].__class__.__name__)
print(issubclass(NotImplementedError, RuntimeError), NotImplemented is not NotImplementedError)
