# Nested with statements and several items in one with: entered left to
# right, exited in reverse order, an exception in a later __enter__ exits
# only the already-entered ones, and the parenthesised multi-line form.
class Res:
    def __init__(self, name, fail_enter=False):
        self.name, self.fail_enter = name, fail_enter
    def __enter__(self):
        if self.fail_enter:
            print(f"  enter {self.name} fails")
            raise OSError(f"cannot open {self.name}")
        print(f"  enter {self.name}")
        return self.name
    def __exit__(self, exc_type, exc, tb):
        print(f"  exit {self.name} ({exc_type.__name__ if exc_type else 'ok'})")
        return False
with Res("a") as a, Res("b") as b:
    print("  body", a, b)
with Res("outer"):
    with Res("inner"):
        print("  nested body")
try:
    with Res("first"), Res("second", fail_enter=True), Res("third"):
        print("  never")
except OSError as e:
    print("caught", e)
try:
    with Res("x"), Res("y"):
        raise KeyError("from body")
except KeyError as e:
    print("caught", repr(e))
with (
    Res("p") as p,
    Res("q") as q,
):
    print("  parenthesised", p, q)
class Swallow(Res):
    def __exit__(self, exc_type, exc, tb):
        print(f"  {self.name} swallows {exc_type.__name__ if exc_type else None}")
        return True
with Res("outer2"), Swallow("mid"), Res("inner2"):
    raise ValueError("inner error")
print("continued after swallow")
