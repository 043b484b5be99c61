# import m as n and from m import f as g: only the alias is bound; the alias is the same module object.
import mod_shapes as shapes
import sys
from mod_shapes import area as circle_area, Circle as C

print(shapes.area(1), circle_area(2), C(1).r)
print("mod_shapes" in globals(), "shapes" in globals(), shapes is sys.modules["mod_shapes"])
import mod_shapes

print(mod_shapes is shapes, circle_area is shapes.area)
import math as m, os.path as osp

print(m.floor(2.5), osp.basename("a/b"))
