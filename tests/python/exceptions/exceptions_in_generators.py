# Exceptions and generators: an exception raised in a generator propagates
# to the consumer and finishes the generator; try/finally inside the
# generator runs on exhaustion, on error and on close; exceptions inside
# comprehensions propagate.
def risky(n):
    try:
        for i in range(n):
            if i == 2:
                raise ValueError(f"bad item {i}")
            yield i
    finally:
        print("  generator cleanup")
g = risky(5)
try:
    for v in g:
        print("got", v)
except ValueError as e:
    print("consumer caught", e)
print(list(g))
print(list(risky(2)))
def handles_inside(items):
    for item in items:
        try:
            yield 10 // item
        except ZeroDivisionError:
            yield "div by zero"
print(list(handles_inside([1, 0, 5])))
try:
    [1 // x for x in [1, 0]]
except ZeroDivisionError as e:
    print("comprehension raised", e)
def gen_with_context():
    try:
        yield 1
    except KeyError:
        raise ValueError("converted in generator")
gc = gen_with_context()
next(gc)
try:
    gc.throw(KeyError("k"))
except ValueError as e:
    print(repr(e), repr(e.__context__))
def early_close():
    try:
        yield "first"
        yield "second"
    finally:
        print("  finally on break")
for x in early_close():
    print(x)
    break
