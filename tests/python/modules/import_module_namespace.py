# A module's namespace: functions see the module's globals, not the importer's; vars(m); globals() of a module.
import mod_shapes

PI = "importer's PI"
print(mod_shapes.area(1), PI)
ns = vars(mod_shapes)
print(ns["PI"], ns is mod_shapes.__dict__, sorted(k for k in ns if not k.startswith("_")))
ns["PI"] = 2
print(mod_shapes.area(1))
print(mod_shapes.area.__globals__ is ns, globals() is not ns)
setattr(mod_shapes, "PI", 1)
print(mod_shapes.perimeter(1))
delattr(mod_shapes, "created")
print(hasattr(mod_shapes, "created"))
