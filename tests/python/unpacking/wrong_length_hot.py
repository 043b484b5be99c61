# Unpacking in a hot loop where some values have the wrong length or are
# not sequences: the error messages are CPython's.

values = [(1, 2)] * 150 + [(1, 2, 3), (1,), (), [4, 5], [6], 7, "ab", "abc", None, (8, 9)]


def run():
    ok = 0
    errors = []
    for v in values:
        try:
            a, b = v
            ok += 1
        except (ValueError, TypeError) as e:
            errors.append(type(e).__name__ + ": " + str(e))
    return ok, errors


for _ in range(3):
    print(run())


def triples(n):
    total = 0
    msgs = []
    for i in range(n):
        t = (i, i, i) if i % 97 else (i, i)
        try:
            x, y, z = t
            total += x + y + z
        except ValueError as e:
            msgs.append(str(e))
    return total, msgs


print(triples(400))


def starred(n):
    out = []
    for i in range(n):
        first, *rest = (i, i + 1, i + 2)[: i % 4]
        out.append((first, rest))
    return out


try:
    starred(10)
except ValueError as e:
    print("ValueError:", e)


def nested(n):
    s = 0
    for (a, b), c in [((i, i + 1), i + 2) for i in range(n)]:
        s += a * b - c
    return s


print(nested(300))
