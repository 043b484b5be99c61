# A module's body runs once however many times and ways it is imported; later imports reuse sys.modules.
import sys
import mod_counter
import mod_counter
from mod_counter import bump
import mod_counter as again

print(mod_counter.loads, mod_counter is again, bump() , mod_counter.loads)
import mod_counter

print(mod_counter.loads, "mod_counter" in sys.modules)


def inside_function():
    import mod_counter

    return mod_counter.bump()


print(inside_function(), mod_counter.loads)
del sys.modules["mod_counter"]
import mod_counter

print(mod_counter.loads, mod_counter is again)
