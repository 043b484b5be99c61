# __eq__ that changes the list being searched or compared: index, count,
# remove, `in` and == read each item again after every comparison, so no
# crash and CPython's results.
class Clearer:
    def __init__(self, target=None):
        self.target = target
    def __eq__(self, other):
        if self.target is not None:
            self.target.clear()
        return False
    __hash__ = None
    def __repr__(self):
        return "C"

class Popper:
    def __init__(self, target):
        self.target = target
    def __eq__(self, other):
        if self.target:
            self.target.pop()
        return False
    def __repr__(self):
        return "P"

class Grower:
    def __init__(self, target):
        self.target = target
    def __eq__(self, other):
        if len(self.target) < 20:
            self.target.append(other)
        return False

def fresh(kind):
    l = [1, 2]
    l.insert(0, kind(l))
    l.extend([3, 4, 5])
    return l

results = []
for k in range(150):
    l = fresh(Popper)
    results.append((l.count(9), len(l)))
    l = fresh(Popper)
    results.append((9 in l, len(l)))
    l = fresh(Grower)
    try:
        l.index(9)
    except ValueError:
        results.append(("no 9", len(l)))
    l = fresh(Clearer)
    try:
        l.remove(9)
    except ValueError as e:
        results.append((str(e), len(l)))
print(results[-4:])

l = [Popper(None), 7]
l[0].target = l
print(l.count(7), l)

a = [Clearer(), 1, 2]
b = [Clearer(), 1, 2]
a[0].target = a
print(a == b, a, len(b))
a = [Popper(None), 1, 2]
a[0].target = a
b = [0, 1, 2]
print(a == b, len(a), a < b if len(a) == len(b) else "differ")

class Remover:
    def __init__(self, target):
        self.target = target
    def __eq__(self, other):
        del self.target[:]
        return True
l = [0, 1]
l.insert(1, Remover(l))
l.remove(1)
print(l)
l = [0, 1, 2]
l.insert(0, Remover(l))
print(l.index(2), l)
