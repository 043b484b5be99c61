# Importing a sibling module: its top-level code runs once (a second
# import is cached), its __name__ is the module name and its main guard
# does not fire; module globals are shared through the module object.
print("before import")
import helper_mod
import helper_mod
print("after import")
print(helper_mod.__name__, helper_mod.greet("main"))
print(helper_mod.bump(), helper_mod.bump(), helper_mod.counter)
from helper_mod import greet, counter
print(greet("again"), counter)
helper_mod.counter = 100
print(helper_mod.bump(), counter)
if __name__ == "__main__":
    print("main program guard runs, __name__ =", __name__)
