# yield from passes throw() and close() on to its subiterator: a generator's or any
# iterator's throw/close methods, StopIteration's value as the result, errors raised on.
def sub():
    try:
        x = yield 1
        print("sub got", x)
        yield 2
    except KeyError as e:
        print("sub caught", repr(e))
        return "sub-ret"
    finally:
        print("sub finally")
def outer():
    try:
        r = yield from sub()
        print("outer r", r)
        yield "after"
    except ValueError as e:
        print("outer caught", repr(e))
        yield "handled"
g = outer(); print(next(g)); print(g.throw(KeyError("k"))); print(list(g))
g = outer(); print(next(g)); print(g.throw(ValueError("v"))); print(list(g))
g = outer(); print(next(g)); print(g.send("s")); g.close(); print("closed")
class It:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        return self.n
    def throw(self, e):
        print("It.throw", repr(e))
        raise StopIteration(42)
    def close(self): print("It.close")
def o2():
    v = yield from It()
    print("o2 v", v)
    yield v
g = o2(); print(next(g), g.throw(RuntimeError("x")))
g = o2(); next(g); g.close()
def o3():
    yield from iter([1, 2, 3])
g = o3(); next(g)
try: g.throw(IndexError("i"))
except IndexError as e: print("propagated", e)
def bad_close():
    try:
        yield 1
    finally:
        raise TypeError("in close")
def o4():
    try:
        yield from bad_close()
    except TypeError as e:
        print("o4 saw", e)
        raise
g = o4(); next(g)
try: g.close()
except TypeError as e: print("close raised", e)
