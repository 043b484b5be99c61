# Generator state errors: re-entering a running generator, StopIteration
# raised inside a generator turning into RuntimeError (PEP 479), and
# generator attributes.
def self_ref():
    yield next(g)
g = self_ref()
try:
    next(g)
except ValueError as e:
    print(type(e).__name__, e)
def leaks_stop():
    yield 1
    raise StopIteration("inner stop")
try:
    list(leaks_stop())
except RuntimeError as e:
    print(type(e).__name__, e, "| cause:", type(e.__cause__).__name__, e.__cause__)
def next_on_empty():
    yield next(iter([]))
try:
    list(next_on_empty())
except RuntimeError as e:
    print(type(e).__name__, e)
def named():
    yield 1
n = named()
print(n.__name__, n.__qualname__)
def raises_inside():
    yield 1
    raise KeyError("inside")
r = raises_inside()
print(next(r))
try:
    next(r)
except KeyError as e:
    print(type(e).__name__, e)
try:
    next(r)
except StopIteration:
    print("finished after the error")
try:
    next(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    next([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
