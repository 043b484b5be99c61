# from m import * with __all__: exactly the listed names are bound, private ones too if listed.
from mod_with_all import *

print(exported(), _listed_private())
print("not_exported" in globals(), "exported" in globals(), "__all__" in globals())
try:
    not_exported()
except NameError as e:
    print(type(e).__name__, e)
