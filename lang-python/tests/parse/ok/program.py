"""A small program of the kind the interpreter will run."""
import sys
from collections import deque


class Task:
    """A task in a scheduler."""

    count = 0

    def __init__(self, name, priority=0, *deps, **opts):
        self.name = name
        self.priority = priority
        self.deps = list(deps)
        self.opts = opts
        Task.count += 1

    def __repr__(self):
        return f"Task({self.name!r}, priority={self.priority})"

    def __lt__(self, other):
        return (self.priority, self.name) < (other.priority, other.name)


def schedule(tasks, *, limit=None):
    queue = deque(sorted(tasks))
    done = []
    while queue and (limit is None or len(done) < limit):
        task = queue.popleft()
        if any(d not in done for d in task.deps):
            queue.append(task)
            continue
        done.append(task.name)
    else:
        print("all scheduled", file=sys.stderr)
    return done


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def main(argv):
    tasks = [Task(n, i % 3) for i, n in enumerate("abcdef")]
    try:
        result = schedule(tasks, limit=int(argv[1]) if len(argv) > 1 else None)
    except (ValueError, IndexError) as exc:
        raise SystemExit(f"bad argument: {exc}") from exc
    finally:
        pass
    squares = {n: n ** 2 for n in range(10) if n % 2 == 0}
    total = sum(x for x in squares.values())
    matrix = [[i * j for j in range(3)] for i in range(3)]
    flat = [x for row in matrix for x in row]
    first, *rest = flat
    print(result, total, first, rest[-1], matrix[1][2], flat[::2], flat[1:-1])
    with open(__file__) as f, open(__file__) as g:
        assert f.read() == g.read(), "same file"
    gen = fib()
    print([next(gen) for _ in range(10)])
    print("%s and %d" % ("x", 3), "{} {}".format(1, 2))
    lam = lambda x, y=2: x * y
    print(lam(3), (lambda: None)(), not lam, -lam(1) ** 2)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
