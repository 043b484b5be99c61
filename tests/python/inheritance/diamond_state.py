# Diamond-shaped hierarchies with shared state: the common base is
# initialised once through super(), class attribute resolution picks the
# MRO-first definition, and mixins add behaviour.
class Base:
    def __init__(self):
        self.log = ["Base"]
class Left(Base):
    color = "left-color"
    def __init__(self):
        super().__init__()
        self.log.append("Left")
class Right(Base):
    color = "right-color"
    size = "right-size"
    def __init__(self):
        super().__init__()
        self.log.append("Right")
class Bottom(Left, Right):
    def __init__(self):
        super().__init__()
        self.log.append("Bottom")
b = Bottom()
print(b.log, b.color, b.size)
class JsonMixin:
    def to_json(self):
        items = ", ".join(f'"{k}": {v!r}' for k, v in sorted(vars(self).items()))
        return "{" + items + "}"
class EqMixin:
    def __eq__(self, other):
        return type(self) is type(other) and vars(self) == vars(other)
    __hash__ = None
class Point(JsonMixin, EqMixin):
    def __init__(self, x, y):
        self.x, self.y = x, y
print(Point(1, 2).to_json(), Point(1, 2) == Point(1, 2), Point(1, 2) == Point(2, 1))
try:
    hash(Point(0, 0))
except TypeError as e:
    print(type(e).__name__, e)
print([c.__name__ for c in Point.__mro__])
