# match statements (3.10+): literal, capture, wildcard, or-patterns,
# sequence and mapping patterns, class patterns, guards and as-bindings.
def describe(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case int(n) if n < 0:
            return f"negative {n}"
        case int():
            return "int"
        case "hello":
            return "greeting"
        case str() as s:
            return f"string of {len(s)}"
        case [] :
            return "empty sequence"
        case [a]:
            return f"one item {a}"
        case [a, b]:
            return f"pair {a},{b}"
        case [a, *rest]:
            return f"head {a} rest {rest}"
        case {"type": "point", "x": x0, "y": y0}:
            return f"point at {x0},{y0}"
        case {"type": t, **others}:
            return f"typed {t} with {sorted(others)}"
        case None:
            return "none"
        case _:
            return "other"
for v in [0, 2, -4, 99, "hello", "abc", [], [1], (1, 2), [1, 2, 3], {"type": "point", "x": 1, "y": 2},
          {"type": "box", "w": 1, "h": 2}, None, 1.5, {"no": 1}]:
    print(repr(v), "->", describe(v))
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Point(x=0, y=y):
            return f"on y axis at {y}"
        case Point(x, y) if x == y:
            return "diagonal"
        case Point():
            return "somewhere"
for p in [Point(0, 0), Point(3, 0), Point(0, 4), Point(2, 2), Point(1, 5)]:
    print(where(p))
match "abc":
    case "xyz":
        print("no")
print("no case matched, no error")
