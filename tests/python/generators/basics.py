# Generator functions: nothing runs until the first next(), execution
# suspends at each yield, StopIteration at the end, and a finished
# generator stays finished.
def gen():
    print("  start")
    yield 1
    print("  after first")
    yield 2
    print("  ending")
g = gen()
print(type(g).__name__, "created")
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
try:
    next(g)
except StopIteration:
    print("still exhausted")
print(list(gen()))
def countdown(n):
    while n > 0:
        yield n
        n -= 1
print(list(countdown(5)), sum(countdown(100)), list(countdown(0)))
for v in countdown(3):
    print("loop", v)
def empty():
    return
    yield
print(list(empty()))
def with_return():
    yield "a"
    return "result"
g = with_return()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("returned", repr(e.value), e.args)
print(next(iter(countdown(2))), next(countdown(0), "default"))
it = countdown(3)
print(iter(it) is it)
