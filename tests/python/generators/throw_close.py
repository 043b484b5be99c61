# throw() raises inside the generator at the paused yield (it may catch it
# and yield again); close() raises GeneratorExit, runs finally blocks, and
# a generator that yields after GeneratorExit is a RuntimeError.
def resilient():
    while True:
        try:
            yield "ok"
        except ValueError as e:
            print("  caught", repr(e))
            yield "recovered"
g = resilient()
print(next(g))
print(g.throw(ValueError("boom")))
print(next(g))
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("propagated", type(e).__name__, e)
try:
    next(g)
except StopIteration:
    print("generator is finished after an uncaught throw")
def cleanup():
    try:
        yield 1
        yield 2
    finally:
        print("  finally runs on close")
c = cleanup()
print(next(c))
c.close()
c.close()
try:
    next(c)
except StopIteration:
    print("closed generator raises StopIteration")
unstarted = cleanup()
unstarted.close()
print("closing an unstarted generator runs nothing")
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "refuse"
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print(type(e).__name__, e)
def catches_exit():
    try:
        yield 1
    except GeneratorExit:
        print("  saw GeneratorExit")
        raise
ce = catches_exit()
next(ce)
ce.close()
def thrower():
    yield 1
t = thrower()
try:
    t.throw(IndexError("before start"))
except IndexError as e:
    print(type(e).__name__, e)
t2 = thrower()
try:
    t2.throw(TypeError)
except TypeError as e:
    print(type(e).__name__, repr(e))
