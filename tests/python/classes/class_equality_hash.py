# Value objects: __eq__ comparing fields, __hash__ consistent with it so
# instances work in sets and as dict keys, __repr__ round-tripping, and
# ordering added for sorting with a key tuple.
class Point:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        if not isinstance(other, Point):
            return NotImplemented
        return (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __lt__(self, other):
        return (self.x, self.y) < (other.x, other.y)
    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"
pts = [Point(2, 1), Point(1, 5), Point(2, 1), Point(0, 0), Point(1.0, 5.0)]
print(len(set(pts)), sorted(set(pts)), pts.count(Point(2, 1)), Point(1, 5) in pts)
dist = {p: abs(p.x) + abs(p.y) for p in pts}
print(dist, dist[Point(1, 5)])
print(Point(1, 2) == Point(1, 2), Point(1, 2) != Point(2, 1), Point(1, 2) == (1, 2), sorted(pts)[0], max(pts))
print(eval(repr(Point(3, -4))) == Point(3, -4))
