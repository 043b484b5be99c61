# SyntaxError: import * inside a function.
def f():
    from math import *
    return pi
