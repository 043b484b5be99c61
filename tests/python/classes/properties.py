# property with getter, setter and deleter; read-only properties; the
# decorator form and the property() call form; validation in setters.
class Circle:
    def __init__(self, radius):
        self.radius = radius
    @property
    def radius(self):
        print("  get radius")
        return self._radius
    @radius.setter
    def radius(self, value):
        print("  set radius", value)
        if value < 0:
            raise ValueError("radius must be non-negative")
        self._radius = value
    @radius.deleter
    def radius(self):
        print("  delete radius")
        del self._radius
    @property
    def area(self):
        return round(3.14159 * self._radius ** 2, 3)
c = Circle(2)
print(c.radius, c.area)
c.radius = 3
print(c.area)
try:
    c.radius = -1
except ValueError as e:
    print(type(e).__name__, e)
try:
    c.area = 5
except AttributeError as e:
    print(type(e).__name__, e)
del c.radius
try:
    c.radius
except AttributeError as e:
    print(type(e).__name__, e)
class Old:
    def _get(self):
        return self._x * 2
    def _set(self, v):
        self._x = v
    x = property(_get, _set, None, "doubled x")
o = Old()
o.x = 5
print(o.x, Old.x.__doc__, type(Old.x).__name__)
try:
    del o.x
except AttributeError as e:
    print(type(e).__name__, e)
class Lazy:
    @property
    def value(self):
        if "_cache" not in self.__dict__:
            print("  computing")
            self._cache = 42
        return self._cache
l = Lazy()
print(l.value, l.value)
print(isinstance(Circle.radius, property), Circle.area.fget is not None, Circle.area.fset)
