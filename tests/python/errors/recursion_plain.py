# Unbounded recursion in a plain function is caught as RecursionError; the program then carries on normally.
def down(n):
    return down(n + 1)


def safe_depth(n):
    return 0 if n == 0 else 1 + safe_depth(n - 1)


for attempt in range(3):
    try:
        down(0)
    except RecursionError as e:
        print(attempt, type(e).__name__, e)
print(safe_depth(500))
print(isinstance(RecursionError(), RuntimeError))


def count_until_limit():
    depth = 0

    def inner():
        nonlocal depth
        depth += 1
        inner()

    try:
        inner()
    except RecursionError:
        return depth > 100


print(count_until_limit())
