# globals() and locals(): module namespace, function locals snapshot, writing through globals().
x = 1
g = globals()
print(g["x"], g["__name__"], "g" in g, type(g).__name__)
g["created_dynamically"] = 42
print(created_dynamically)


def f(a, b=2):
    c = a + b
    snapshot = locals()
    return sorted(snapshot.items())


print(f(1))


def modify():
    loc = locals()
    loc["z"] = 5
    try:
        return z
    except NameError as e:
        return type(e).__name__


print(modify())


def set_global():
    globals()["set_inside"] = "yes"


set_global()
print(set_inside)
print(locals() is globals())


class Body:
    a = 1
    names = sorted(k for k in locals() if not k.startswith("__"))


print(Body.names)
