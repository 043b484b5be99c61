# Push-style coroutine pipelines built with send(): a source pushes items
# through filter and map stages into a sink; close() propagates through
# the stages and each stage's finally reports.
def coroutine(fn):
    def start(*a, **k):
        c = fn(*a, **k)
        next(c)
        return c
    return start
@coroutine
def sink(results):
    try:
        while True:
            results.append((yield))
    finally:
        print("  sink closed")
@coroutine
def keep(pred, target):
    try:
        while True:
            item = yield
            if pred(item):
                target.send(item)
    finally:
        target.close()
        print("  filter closed")
@coroutine
def transform(fn, target):
    try:
        while True:
            target.send(fn((yield)))
    finally:
        target.close()
        print("  map closed")
results = []
pipe = keep(lambda x: x % 3 != 0, transform(lambda x: x * x, sink(results)))
for i in range(10):
    pipe.send(i)
pipe.close()
print(results)
@coroutine
def grep(pattern):
    matches = 0
    try:
        while True:
            line = yield
            if pattern in line:
                matches += 1
                print("  match:", line)
    except GeneratorExit:
        print("  total matches", matches)
        raise
g = grep("py")
for line in ["python", "ruby", "pypy", "perl", "cpython"]:
    g.send(line)
g.close()
