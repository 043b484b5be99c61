# object(): a bare instance has no attributes and no __dict__; default ==, hash and str behaviour.
o = object()
p = object()
print(type(o).__name__, o == o, o == p, o != p, o is o, hash(o) == hash(o))
try:
    o.x = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    o.x
except AttributeError as e:
    print(type(e).__name__, e)
print(hasattr(o, "__dict__"), str(o).startswith("<object object at"), repr(o) == str(o))
try:
    object(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    o < p
except TypeError as e:
    print(type(e).__name__, e)
print(object.__name__, object.__bases__, isinstance(o, object), issubclass(int, object))


class Plain:
    pass


a, b = Plain(), Plain()
print(a == b, a == a, a != b, len({a, b, a}))
print(object.__eq__(a, a), object.__eq__(a, b), object.__ne__(a, b))
print(Plain.__mro__ == (Plain, object), callable(object.__init__))
