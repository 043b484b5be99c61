# Unbounded recursion through nested generators (yield from itself) is a RecursionError.
def gen(n):
    yield n
    yield from gen(n + 1)


total = 0
try:
    for v in gen(0):
        total += 1
except RecursionError as e:
    print(type(e).__name__, total > 100)


def bounded(n):
    if n:
        yield n
        yield from bounded(n - 1)


print(sum(bounded(200)))
