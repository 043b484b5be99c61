# __getattr__ runs only for missing attributes, __getattribute__ for all;
# __setattr__ and __delattr__ intercept every assignment and deletion, with
# object.__setattr__ to store for real.
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "target", target)
        object.__setattr__(self, "log", [])
    def __getattr__(self, name):
        self.log.append(f"getattr {name}")
        return getattr(self.target, name)
    def __setattr__(self, name, value):
        self.log.append(f"setattr {name}")
        setattr(self.target, name, value)
    def __delattr__(self, name):
        self.log.append(f"delattr {name}")
        delattr(self.target, name)
class Target:
    x = 1
t = Target()
p = Proxy(t)
print(p.x)
p.y = 2
print(t.y, p.y)
del p.y
print(hasattr(t, "y"), p.log)
try:
    p.missing
except AttributeError as e:
    print(type(e).__name__, e)
class Defaulting:
    real = "real"
    def __getattr__(self, name):
        if name.startswith("auto_"):
            return name[5:].upper()
        raise AttributeError(f"no {name}")
d = Defaulting()
print(d.real, d.auto_thing, getattr(d, "auto_x"), hasattr(d, "other"), getattr(d, "other", "dflt"))
class Audit:
    def __getattribute__(self, name):
        if name != "__dict__":
            print("  __getattribute__", name)
        return object.__getattribute__(self, name)
    def method(self):
        return "m"
a = Audit()
a.v = 5
print(a.v, a.method())
class ReadOnly:
    def __init__(self):
        object.__setattr__(self, "value", 10)
    def __setattr__(self, name, value):
        raise AttributeError(f"{name} is read-only")
ro = ReadOnly()
try:
    ro.value = 5
except AttributeError as e:
    print(type(e).__name__, e)
print(ro.value)
class Fallback:
    def __getattribute__(self, name):
        raise AttributeError(name)
    def __getattr__(self, name):
        return f"fallback for {name}"
print(Fallback().anything)
