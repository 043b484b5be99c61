# property: getter, setter, deleter, decorator and call forms, docstrings, inheritance and overriding.
class Temperature:
    def __init__(self, celsius):
        self._c = celsius

    @property
    def celsius(self):
        """Degrees Celsius."""
        print("get celsius")
        return self._c

    @celsius.setter
    def celsius(self, value):
        print("set celsius", value)
        self._c = value

    @celsius.deleter
    def celsius(self):
        print("delete celsius")
        del self._c

    def _get_f(self):
        return self._c * 9 / 5 + 32

    def _set_f(self, f):
        self._c = (f - 32) * 5 / 9

    fahrenheit = property(_get_f, _set_f, None, "Degrees Fahrenheit.")


t = Temperature(100)
print(t.celsius, t.fahrenheit)
t.celsius = 0
print(t.fahrenheit)
t.fahrenheit = 212
print(t.celsius)
del t.celsius
print(hasattr(t, "_c"))
print(Temperature.celsius.__doc__, Temperature.fahrenheit.__doc__, type(Temperature.celsius).__name__)
print(Temperature.celsius.fget.__name__, Temperature.fahrenheit.fdel)


class Base:
    @property
    def value(self):
        return "base"


class Override(Base):
    @property
    def value(self):
        return "override+" + super().value


print(Override().value)


class Computed:
    def __init__(self):
        self.items = [1, 2, 3]

    @property
    def total(self):
        return sum(self.items)


c = Computed()
print(c.total)
c.items.append(4)
print(c.total)
c.__dict__["total"] = "shadow"
print(c.total)
