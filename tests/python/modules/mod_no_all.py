# module: no __all__, so `from mod_no_all import *` takes every name not starting with an underscore.
import math as _math

visible = 1


def helper():
    return "helper"


_hidden = 2


class Public:
    pass
