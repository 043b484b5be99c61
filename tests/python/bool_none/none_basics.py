# None: its repr, type, comparisons, use as default/sentinel, and the errors
# raised when it is used as a number, container or callable.
print(None, repr(None), str(None), type(None).__name__)
print(None is None, None == None, None != 0, None == False, not None, bool(None))
def f():
    pass
print(f(), f() is None)
def g(x=None):
    return "default" if x is None else x
print(g(), g(0), g(""), g(False))
d = {None: "none-key"}
print(d[None], d.get(None), None in d, None in [1, None], [None] * 3)
n = None
ops = [lambda: None + 1, lambda: None < 1, lambda: n[0], lambda: n(), lambda: len(None), lambda: iter(None),
       lambda: None.foo, lambda: -None, lambda: int(None)]
for op in ops:
    try:
        op()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
x = None
x = x or 5
print(x)
print(None.__class__.__name__, type(None)() is None)
print([None, None].count(None), (None,).index(None))
print(sorted([3, 1, 2], key=None))
