# `for` loops over lists that change while they are iterated (append, pop,
# clear, item stores), over tuples and over ranges, hot enough to compile.


def grow(n):
    items = [0]
    for x in items:
        if len(items) < n:
            items.append(x + 1)
    return len(items), items[-1]


print(grow(500))


def shrink(n):
    items = list(range(n))
    seen = []
    for x in items:
        seen.append(x)
        if items:
            items.pop()
    return len(seen), seen[-3:], len(items)


print(shrink(400))


def clear_midway(n):
    items = list(range(n))
    count = 0
    for x in items:
        count += x
        if x == n // 3:
            items.clear()
    return count, items


print(clear_midway(300))


def store_ahead(n):
    items = list(range(n))
    total = 0
    for i, x in enumerate(items):
        if i + 1 < len(items):
            items[i + 1] = x * 2 % 1000
        total += x
    return total


print(store_ahead(300))


def pop_front(n):
    items = list(range(n))
    out = []
    for x in items:
        out.append(x)
        if len(items) > 1:
            items.pop(0)
    return len(out), out[:5], out[-5:]


print(pop_front(200))


def tuples(n):
    t = tuple(range(n))
    total = 0
    for rep in range(20):
        for x in t:
            total += x * rep
    empty = 0
    for _ in ():
        empty += 1
    return total, empty


print(tuples(100))


def ranges():
    out = []
    for start, stop, step in [(0, 300, 7), (300, 0, -9), (5, 5, 1), (-50, 50, 3)]:
        s = 0
        for i in range(start, stop, step):
            s += i
        out.append(s)
    # Around the end of the small ints and of the machine word.
    big = 2 ** 62
    out.append([i - big for i in range(big - 3, big + 3)])
    word = 2 ** 63
    out.append([i - word for i in range(word - 4, word - 1)])
    out.append([i + word for i in range(-word + 2, -word - 2, -1)])
    return out


for _ in range(3):
    print(ranges())

it = iter([1, 2, 3])
for x in it:
    pass
print(list(it), next(it, "done"))
r = iter(range(3))
print(r.__length_hint__(), list(r), r.__length_hint__())
li = iter([4, 5, 6])
next(li)
print(li.__length_hint__(), type(li).__name__, type(iter(())).__name__, type(r).__name__)
