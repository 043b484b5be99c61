# dir: of a user class and instance (sorted, dunders filtered out here), inheritance, __dir__, modules.
class Base:
    base_attr = 0

    def base_method(self):
        pass


class Derived(Base):
    zeta = 1
    alpha = 2

    def __init__(self):
        self.inst = 3

    def method(self):
        pass

    @property
    def prop(self):
        return 1


def public(names):
    return [n for n in names if not n.startswith("__")]


print(public(dir(Derived)))
print(public(dir(Derived())))
print(dir(Derived) == sorted(dir(Derived)), "__init__" in dir(Derived), "__class__" in dir(Derived()))


class Custom:
    def __dir__(self):
        return ["zz", "aa", "mm"]


print(dir(Custom()))
import math

print([n for n in dir(math) if n in ("sqrt", "pi", "floor", "nonexistent")])
print("append" in dir([]), "upper" in dir(""), "keys" in dir({}))


def scope():
    b = 1
    a = 2
    return dir()


print(scope())
