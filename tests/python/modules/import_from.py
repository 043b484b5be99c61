# from m import f, g: names bound directly; rebinding the module's global later is not seen by the copy.
from mod_shapes import area, PI, Circle
from mod_shapes import perimeter as perim, created
import mod_shapes

print(area(1), PI, perim(1), Circle(2).area(), created)
mod_shapes.PI = 10
print(PI, area(1), mod_shapes.PI)
created.append("shared list")
print(mod_shapes.created)
try:
    from mod_shapes import does_not_exist
except ImportError as e:
    print(type(e).__name__, e.name)
print("area" in globals(), "mod_shapes" in globals(), "perimeter" in globals())
