# __import__: of a builtin module and of a module beside the program, caching in sys.modules, errors.
import sys

m = __import__("math")
print(m.sqrt(16.0), m is sys.modules["math"], type(m).__name__)
h = __import__("dunder_import_helper")
print(h.VALUE, h.triple(5), h.__name__)
h2 = __import__("dunder_import_helper")
print(h is h2, "dunder_import_helper" in sys.modules)
import dunder_import_helper as alias

print(alias is h)
try:
    __import__("no_such_module_anywhere")
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
print(issubclass(ModuleNotFoundError, ImportError))
try:
    __import__(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    __import__("")
except ValueError as e:
    print(type(e).__name__, e)
os_mod = __import__("os", globals(), locals(), ["path"], 0)
print(os_mod.path.basename("/a/b.txt"))
