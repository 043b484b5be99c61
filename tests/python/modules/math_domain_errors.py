# math domain and range errors: the ValueError/OverflowError each function raises, and type errors.
import math

cases = [
    ("sqrt", (-1,)), ("log", (0,)), ("log", (-1,)), ("log", (10, 1)), ("log", (0, 10)), ("log10", (-5,)), ("log2", (0,)),
    ("acos", (2,)), ("asin", (-1.5,)), ("atanh", (1,)), ("acosh", (0.5,)), ("exp", (1000,)), ("pow", (0, -1)),
    ("pow", (-8, 1 / 3)), ("fmod", (1, 0)), ("gamma", (0,)), ("gamma", (-2,)), ("lgamma", (-1,)), ("cosh", (1000,)),
    ("ldexp", (1.0, 10000)), ("sqrt", (math.inf,)), ("log", (math.inf,)), ("sin", (math.inf,)), ("exp", (-1000,)),
    ("sqrt", ("4",)), ("log", (None,)), ("sqrt", (10**400,)), ("log", (10**400,)), ("pow", (10.0, 400)),
    ("fsum", ([math.inf, -math.inf],)), ("remainder", (1, 0)), ("hypot", ("a",)), ("dist", ((1, 2), (1,))),
]
for name, args in cases:
    try:
        print(name, args, "->", getattr(math, name)(*args))
    except (ValueError, OverflowError, TypeError, ZeroDivisionError) as e:
        print(name, args, "->", type(e).__name__, e)
