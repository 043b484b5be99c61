# The class body runs once, top to bottom, as its own namespace: statements
# execute at definition, names defined earlier are visible later in the
# body, methods cannot see class names unqualified, and type() builds
# classes dynamically.
print("before class")
class Shape:
    print("  executing class body")
    sides = 0
    double_sides = sides * 2
    names = [n for n in ("a", "b")]
    def describe(self):
        try:
            return sides
        except NameError as e:
            return f"NameError: {e}"
    def uses_class(self):
        return Shape.sides, self.sides, type(self).sides
    if sides == 0:
        kind = "abstract"
    else:
        kind = "concrete"
    del double_sides
print("after class")
s = Shape()
print(s.describe(), s.uses_class(), Shape.kind, hasattr(Shape, "double_sides"), Shape.names)
Dynamic = type("Dynamic", (Shape,), {"sides": 3, "hello": lambda self: "hi from dynamic"})
d = Dynamic()
print(Dynamic.__name__, d.sides, d.hello(), d.kind, isinstance(d, Shape), Dynamic.__bases__)
print(type(d) is Dynamic, type(Dynamic) is type)
class Empty:
    pass
print(Empty.__name__, Empty.__bases__, Empty.__doc__)
class Documented:
    "Doc string of the class."
print(Documented.__doc__)
class Counter:
    instances = 0
    def __init__(self):
        Counter.instances += 1
        self.id = Counter.instances
cs = [Counter() for _ in range(3)]
print([c.id for c in cs], Counter.instances)
