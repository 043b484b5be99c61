# Context managers that are reusable and reentrant versus single-use: a
# counter manager entered several times and nested in itself, and a
# single-use one raising on second entry.
class Reentrant:
    def __init__(self):
        self.level = 0
        self.entries = 0
    def __enter__(self):
        self.level += 1
        self.entries += 1
        return self.level
    def __exit__(self, *exc):
        self.level -= 1
        return False
r = Reentrant()
with r as a:
    with r as b:
        with r as c:
            print(a, b, c, r.level)
    print("after inner", r.level)
with r:
    pass
print(r.level, r.entries)
class OneShot:
    def __init__(self):
        self.used = False
    def __enter__(self):
        if self.used:
            raise RuntimeError("this manager cannot be reused")
        self.used = True
        return "resource"
    def __exit__(self, *exc):
        return False
once = OneShot()
with once as res:
    print(res)
try:
    with once:
        print("never")
except RuntimeError as e:
    print(type(e).__name__, e)
