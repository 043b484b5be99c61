# abc: ABC and abstractmethod without metaclasses. Each subclass of ABC
# records its abstract methods in __init_subclass__ (names whose value, or the
# function a property/classmethod/staticmethod wraps, is marked abstract and
# not overridden), and ABC.__new__ refuses to instantiate a class that has any,
# with CPython's message.


def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj


def _is_abstract(value):
    if getattr(value, "__isabstractmethod__", False):
        return True
    for attr in ("fget", "fset", "fdel", "__func__"):
        inner = getattr(value, attr, None)
        if inner is not None and getattr(inner, "__isabstractmethod__", False):
            return True
    return False


def _compute_abstracts(cls):
    abstracts = set()
    for name, value in cls.__dict__.items():
        if _is_abstract(value):
            abstracts.add(name)
    for base in cls.__bases__:
        for name in getattr(base, "__abstractmethods__", ()):
            value = getattr(cls, name, None)
            if _is_abstract(value) or _is_abstract(_lookup(cls, name)):
                abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)


def _lookup(cls, name):
    for klass in cls.__mro__:
        if name in klass.__dict__:
            return klass.__dict__[name]
    return None


class ABC:
    __slots__ = ()

    def __init_subclass__(cls, **kwargs):
        _compute_abstracts(cls)

    def __new__(cls, *args, **kwargs):
        abstracts = cls.__dict__.get("__abstractmethods__", None)
        if abstracts is None:
            _compute_abstracts(cls)
            abstracts = cls.__abstractmethods__
        if abstracts:
            names = sorted(abstracts)
            raise TypeError("Can't instantiate abstract class %s with abstract method%s %s" % (
                cls.__name__, "s" if len(names) > 1 else "", ", ".join(names)))
        return object.__new__(cls)

    @classmethod
    def register(cls, subclass):
        return subclass


ABC.__abstractmethods__ = frozenset()
ABCMeta = type
