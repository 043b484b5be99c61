# Iterating and unpacking instances of list and tuple subclasses in hot
# loops: the built-in iteration applies unless the subclass says otherwise.


class MyList(list):
    pass


class MyTuple(tuple):
    pass


class Reversed(list):
    def __iter__(self):
        return iter(list(reversed(list(super().__iter__()))))


class Pair(tuple):
    def __iter__(self):
        yield "custom"
        yield "iter"


def total(seq, reps):
    s = 0
    for _ in range(reps):
        for x in seq:
            s += x
    return s


print(total(MyList(range(50)), 20))
print(total(MyTuple(range(50)), 20))
print(total(Reversed([1, 2, 3]), 100))
print(total([1, 2, 3], 100), total((4, 5), 100))


def order(seq):
    out = []
    for _ in range(50):
        out = [x for x in seq]
    return out


print(order(Reversed([1, 2, 3])))

out = []
for i in range(200):
    a, b = Pair((i, i + 1))
    c, d = MyTuple((i, -i))
    e, f = MyList([i, 2 * i])
    out.append((a, b, c + d, e + f))
print(out[0], out[-1])

grow = MyList([1])
for x in grow:
    if len(grow) < 300:
        grow.append(x + 1)
print(len(grow), grow[-1])
