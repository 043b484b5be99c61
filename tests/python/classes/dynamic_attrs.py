# Dynamic attribute access: getattr/setattr/hasattr/delattr with computed
# names, getattr defaults, __dict__ manipulation, vars(), and attributes
# added to classes after instances exist.
class Config:
    pass
cfg = Config()
for name, value in [("host", "localhost"), ("port", 8080), ("debug", False)]:
    setattr(cfg, name, value)
print(cfg.host, cfg.port, cfg.debug, vars(cfg))
print(getattr(cfg, "port"), getattr(cfg, "missing", None), hasattr(cfg, "host"), hasattr(cfg, "nope"))
try:
    getattr(cfg, "missing")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    getattr(cfg, 5)
except TypeError as e:
    print(type(e).__name__, e)
cfg.__dict__["injected"] = "via dict"
print(cfg.injected)
delattr(cfg, "debug")
print(sorted(vars(cfg)))
try:
    delattr(cfg, "debug")
except AttributeError as e:
    print(type(e).__name__, e)
Config.shared = "class level"
print(cfg.shared, getattr(Config, "shared"))
def method(self):
    return f"method sees {self.host}"
setattr(Config, "describe", method)
print(cfg.describe())
setattr(cfg, "not an identifier!", 1)
print(getattr(cfg, "not an identifier!"))
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
p = Point(1, 2)
print({k: getattr(p, k) for k in ("x", "y")})
for attr in ("x", "y"):
    setattr(p, attr, getattr(p, attr) * 10)
print(p.x, p.y)
print(getattr(5, "real"), getattr("abc", "upper")(), hasattr([], "append"), hasattr(3, "append"))
try:
    setattr(5, "x", 1)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    object().x = 1
except AttributeError as e:
    print(type(e).__name__, e)
