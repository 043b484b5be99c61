# Failing imports: a missing module, an exception in a module body (not cached), a missing name.
import sys

try:
    import no_such_module_xyz
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    import mod_raises
except RuntimeError as e:
    print(type(e).__name__, e)
print("mod_raises" in sys.modules)
try:
    import mod_raises
except RuntimeError as e:
    print("again:", type(e).__name__, e)
try:
    from mod_shapes import nothing_here
except ImportError as e:
    print(type(e).__name__, e.name, type(e) is ImportError)
try:
    from no_such_pkg_xyz import thing
except ImportError as e:
    print(type(e).__name__, e)
