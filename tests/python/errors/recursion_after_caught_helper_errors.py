# Exceptions of helpers caught in hot loops, first absent when the loop was
# compiled (a dict lookup, the reflected method after NotImplemented): the
# count of Python calls stays right, so the recursion limit is where it was.
class Left:
    def __add__(self, o):
        return NotImplemented


class Right:
    def __init__(self, fail):
        self.fail = fail

    def __radd__(self, o):
        if self.fail:
            raise ValueError("right")
        return 1


def lookups(d, n):
    c = 0
    for i in range(n):
        try:
            c += d[i]
        except KeyError:
            c += 1
    return c


def operators(rights):
    c = 0
    for r in rights:
        try:
            c += Left() + r
        except ValueError:
            c += 2
    return c


depth = 0


def probe(n):
    global depth
    depth = n
    probe(n + 1)


def limit():
    try:
        probe(0)
    except RecursionError:
        return depth


before = limit()
print(lookups({i: 1 for i in range(500)}, 1000))
print(operators([Right(False)] * 500 + [Right(True)] * 500))
print(limit() == before)
