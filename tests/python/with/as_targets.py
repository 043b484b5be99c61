# The `as` target of with can be any assignment target: a name, a tuple
# to unpack, an attribute or a subscript; without `as` the value is dropped;
# the target stays bound after the block.
class Pair:
    def __enter__(self):
        return (1, 2)
    def __exit__(self, *a):
        return False
with Pair() as (x, y):
    print(x, y)
class Holder:
    pass
h = Holder()
with Pair() as h.value:
    pass
print(h.value)
d = {}
with Pair() as d["key"]:
    pass
print(d)
with Pair() as [first, *rest]:
    pass
print(first, rest)
with Pair() as whole:
    pass
print("still bound after block:", whole)
class SelfReturning:
    def __init__(self):
        self.entered = False
    def __enter__(self):
        self.entered = True
        return self
    def __exit__(self, *a):
        self.entered = False
with SelfReturning() as s:
    print("inside", s.entered)
print("outside", s.entered)
class ReturnsNone:
    def __enter__(self):
        print("  enter returns nothing")
    def __exit__(self, *a):
        pass
with ReturnsNone() as nothing:
    print(nothing)
