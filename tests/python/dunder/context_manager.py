# __enter__/__exit__: the value bound by `as` is __enter__'s result, __exit__
# receives the exception triple (or three Nones) and suppresses by
# returning a truthy value; __exit__ runs on return and break too.
class CM:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    def __enter__(self):
        print(f"  enter {self.name}")
        return f"resource {self.name}"
    def __exit__(self, exc_type, exc, tb):
        print(f"  exit {self.name}", exc_type.__name__ if exc_type else None, exc, tb is not None)
        return self.suppress
with CM("a") as r:
    print("  body with", r)
with CM("b", suppress=True):
    raise ValueError("swallowed")
print("after b")
try:
    with CM("c"):
        raise KeyError("escapes")
except KeyError as e:
    print("caught", repr(e))
def early():
    with CM("d"):
        return "returned"
print(early())
for i in range(3):
    with CM(f"loop{i}"):
        if i == 1:
            break
class NoEnter:
    def __exit__(self, *a):
        pass
try:
    with NoEnter():
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
class NoExit:
    def __enter__(self):
        return self
try:
    with NoExit():
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
