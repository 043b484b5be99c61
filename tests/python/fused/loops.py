# Loops whose instructions the interpreter fuses into pairs: loop heads
# that are the second of a would-be pair, `for` targets stored straight
# from the iterator, generators resumed by a `for`, break/else/continue.


def count_up(n):
    i = 0
    while i < n:
        i = i + 1
    return i


def head_after_store(items):
    # `total = 0` is a store right before the loop head's load.
    total = 0
    for x in items:
        total = total + x
    k = total
    while k > 100:
        k = k // 2
    return total, k


def gen(n):
    i = 0
    while i < n:
        yield i * i
        i += 1


def nested(n):
    pairs = []
    for a in range(n):
        for b in range(a):
            if a + b == n:
                pairs.append((a, b))
                break
        else:
            continue
    return pairs


def over_kinds():
    out = []
    for v in [1, 2]:
        out.append(v)
    for v in (3, 4):
        out.append(v)
    for v in range(5, 7):
        out.append(v)
    for v in range(10, 7, -1):
        out.append(v)
    for v in "ab":
        out.append(v)
    for v in gen(4):
        out.append(v)
    for v in {"k": 1}:
        out.append(v)
    for v in []:
        out.append("never")
    else:
        out.append("empty-else")
    for a, b in [(1, 2), (3, 4)]:
        out.append(a * b)
    return out


def mutate_while_iterating():
    xs = [1, 2, 3]
    seen = []
    for x in xs:
        seen.append(x)
        if x < 3:
            xs.append(x * 10)
    return seen


def big_range():
    last = None
    for last in range(2**62, 2**62 + 3):
        pass
    for w in range(2**63 - 2, 2**63 + 1):
        last = w
    return last


print(count_up(1000))
print(head_after_store(range(50)))
print(list(gen(6)), sum(gen(100)))
print(nested(9))
print(over_kinds())
print(mutate_while_iterating())
print(big_range())
