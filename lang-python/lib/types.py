# types: SimpleNamespace and the names of a few built-in types.


class SimpleNamespace:
    def __init__(self, mapping=None, **kwargs):
        if mapping is not None:
            for k, v in dict(mapping).items():
                setattr(self, k, v)
        for k, v in kwargs.items():
            setattr(self, k, v)

    def __repr__(self):
        items = ["%s=%r" % (k, v) for k, v in self.__dict__.items()]
        return "namespace(%s)" % ", ".join(items)

    def __eq__(self, other):
        if isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented


def _f():
    pass


def _g():
    yield


FunctionType = type(_f)
LambdaType = FunctionType
GeneratorType = type(_g())
BuiltinFunctionType = type(len)
ModuleType = type(__import__("sys"))
NoneType = type(None)
