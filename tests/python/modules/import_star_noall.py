# from m import * without __all__: public names (also imported modules' aliases without _), not _private.
from mod_no_all import *

print(visible, helper(), Public.__name__)
print("_hidden" in globals(), "_math" in globals(), "visible" in globals())
try:
    print(_hidden)
except NameError as e:
    print(type(e).__name__, e)
import mod_no_all

print(mod_no_all._hidden, mod_no_all._math.sqrt(9))
