# import m: module attributes and functions, classes from the module, setting attributes from outside.
import mod_shapes

print(mod_shapes.PI, mod_shapes.area(2), round(mod_shapes.perimeter(1), 5))
c = mod_shapes.Circle(3)
print(c.area(), mod_shapes.created, type(c).__name__, type(mod_shapes).__name__)
mod_shapes.PI = 3
print(mod_shapes.area(2), c.area())
mod_shapes.new_attr = "added"
print(mod_shapes.new_attr, hasattr(mod_shapes, "missing"))
try:
    mod_shapes.missing
except AttributeError as e:
    print(type(e).__name__, e)
print(sorted(n for n in dir(mod_shapes) if not n.startswith("__")))
print(mod_shapes.__name__, "area" in vars(mod_shapes))
