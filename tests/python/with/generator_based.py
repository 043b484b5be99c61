# Context managers written by hand as classes that wrap a generator, the
# pattern contextlib uses: setup before yield, teardown after, exceptions
# thrown into the generator at the yield.
class from_generator:
    def __init__(self, gen):
        self.gen = gen
    def __enter__(self):
        return next(self.gen)
    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")
        try:
            self.gen.throw(exc)
        except StopIteration:
            return True
        except BaseException as e:
            if e is exc:
                return False
            raise
        raise RuntimeError("generator didn't stop after throw")
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    except ValueError as e:
        print(f"  {name} handled {e}")
    finally:
        print(f"</{name}>")
with from_generator(tag("html")) as t:
    with from_generator(tag("body")):
        print("  content", t)
with from_generator(tag("p")):
    raise ValueError("bad paragraph")
print("after p")
try:
    with from_generator(tag("div")):
        raise KeyError("not handled")
except KeyError as e:
    print("escaped", repr(e))
