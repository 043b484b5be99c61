# What __exit__ receives: the exception class, the instance and a
# traceback for raised exceptions (including ones raised as classes), and
# three Nones on normal exit, return, break and continue.
class Inspect:
    def __enter__(self):
        return self
    def __exit__(self, exc_type, exc, tb):
        print("  exit:", exc_type, repr(exc), type(tb).__name__)
        return True
with Inspect():
    raise ValueError
with Inspect():
    raise KeyError("k")
with Inspect():
    pass
def f():
    with Inspect():
        return 1
print(f())
for i in range(2):
    with Inspect():
        if i == 0:
            continue
        break
class ExitRaises:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise RuntimeError("from __exit__")
try:
    with ExitRaises():
        raise ValueError("original")
except RuntimeError as e:
    print(repr(e), "context:", repr(e.__context__))
class EnterRaises:
    def __enter__(self):
        raise LookupError("from __enter__")
    def __exit__(self, *a):
        print("  never called")
try:
    with EnterRaises():
        print("  never")
except LookupError as e:
    print(repr(e))
