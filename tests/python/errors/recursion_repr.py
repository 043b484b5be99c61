# Unbounded recursion through __repr__ (and through str() of a self-referencing wrapper) is a RecursionError.
class Loop:
    def __repr__(self):
        return "Loop(" + repr(self) + ")"


class Wrapper:
    def __init__(self):
        self.inner = self

    def __str__(self):
        return "W[%s]" % self.inner


for obj in [Loop(), Wrapper()]:
    try:
        str(obj) if isinstance(obj, Wrapper) else repr(obj)
    except RecursionError as e:
        print(type(obj).__name__, type(e).__name__)
try:
    print([Loop()])
except RecursionError as e:
    print("in list:", type(e).__name__)
try:
    f"{Wrapper()}"
except RecursionError as e:
    print("in f-string:", type(e).__name__)
lst = [1]
lst.append(lst)
print(repr(lst), str({"k": lst}))
print("still running")
