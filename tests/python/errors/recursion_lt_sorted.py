# Unbounded recursion through __lt__ while sorting, through min/max and through a chained comparison.
class Bad:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return self < other


items = [Bad(3), Bad(1), Bad(2)]
try:
    sorted(items)
except RecursionError as e:
    print("sorted", type(e).__name__)
try:
    items.sort()
except RecursionError as e:
    print("sort", type(e).__name__)
print([b.v for b in items])
try:
    min(items)
except RecursionError as e:
    print("min", type(e).__name__)
try:
    Bad(1) < Bad(2) < Bad(3)
except RecursionError as e:
    print("chain", type(e).__name__)


class Gt:
    def __gt__(self, other):
        return other < self


try:
    Gt() > Gt()
except RecursionError as e:
    print("reflected", type(e).__name__)
print("recovered", sorted([3, 1, 2]))
