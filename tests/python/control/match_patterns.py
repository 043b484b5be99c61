# match statements beyond the basics: star captures anywhere in a sequence,
# mapping rest, or-patterns that capture, nested and keyword class
# patterns, value patterns from dotted names, singletons compared with
# `is`, strings that are not sequences, and the errors of bad class patterns.
import collections


class Color:
    RED = "red"
    GREEN = "green"


class Pt:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y


class Line:
    __match_args__ = ("start", "end")

    def __init__(self, start, end):
        self.start, self.end = start, end


def classify(v):
    match v:
        case True:
            return "true"
        case 1 | 1.5 as num:
            return f"one-ish {num!r}"
        case -3:
            return "minus three"
        case Color.RED | Color.GREEN as c:
            return f"color {c}"
        case (first, *middle, last) if not isinstance(v, str):
            return f"first={first} middle={middle} last={last}"
        case {"kind": "move", "to": [x, y], **extra}:
            return f"move to {x},{y} extra={extra}"
        case {"kind": kind} if kind.startswith("k"):
            return f"k-kind {kind}"
        case {**everything} if len(everything) > 2:
            return f"big mapping {sorted(everything)}"
        case Line(Pt(x1, y1), Pt(x2, y2)) if x1 == x2:
            return f"vertical line at x={x1} from {y1} to {y2}"
        case Line(start=Pt(x=0, y=0), end=end):
            return f"line from origin to {end.x},{end.y}"
        case Pt(x=px) | Line(start=px):
            return f"something at {px if isinstance(px, int) else 'a point'}"
        case str() | bytes() as text:
            return f"text {text!r}"
        case [*_]:
            return "short sequence"
        case _:
            return f"other {type(v).__name__}"


samples = [
    True, 1, 1.0, 1.5, -3, "red", "green", (1, 2, 3, 4), [1, 2], "abcd",
    {"kind": "move", "to": (3, 4), "speed": 2}, {"kind": "kick"},
    {"kind": "move", "to": [1]}, {"a": 1, "b": 2, "c": 3},
    Line(Pt(1, 2), Pt(1, 9)), Line(Pt(0, 0), Pt(5, 6)), Pt(7, 8), Line("s", "e"),
    b"xy", [7], (), None, 2.5,
]
for s in samples:
    print(classify(s))

d = collections.defaultdict(int, {"a": 1})
match d:
    case {"a": 1, "missing": _}:
        print("wrong")
    case {"a": a}:
        print("defaultdict matched", a, sorted(d))

match 1, 2:
    case (a, b):
        print("tuple subject", a, b)

match range(3):
    case [0, *rest]:
        print("range", rest)

for cmd in ["go north", "look", "quit", "drop sword shield"]:
    match cmd.split():
        case ["go", direction]:
            print("going", direction)
        case ["look"]:
            print("looking")
        case ["quit"]:
            print("bye")
            break
        case ["drop", *objs]:
            print("dropping", objs)

count = 0


def bump():
    global count
    count += 1
    return True


match 5:
    case 1 if bump():
        pass
    case 5 if bump():
        print("guard calls", count)


class NoArgs:
    pass


class BadArgs:
    __match_args__ = ["a"]


for subject, label in [(1, "not a class"), (NoArgs(), "too many"), (BadArgs(), "list args"), (3, "int two"), (Pt(1, 2), "dup")]:
    try:
        if label == "not a class":
            match subject:
                case len():
                    pass
        elif label == "too many":
            match subject:
                case NoArgs(a):
                    pass
        elif label == "list args":
            match subject:
                case BadArgs(a):
                    pass
        elif label == "int two":
            match subject:
                case int(a, b):
                    pass
        else:
            match subject:
                case Pt(a, x=b):
                    pass
    except TypeError as e:
        print(label, "->", e)

for src in [
    "match x:\n case y:\n  pass\n case 1:\n  pass",
    "match x:\n case _:\n  pass\n case 1:\n  pass",
    "match x:\n case 1 | y:\n  pass",
    "match x:\n case [a] | (b):\n  pass",
    "match x:\n case (a, a):\n  pass",
    "match x:\n case {'k': 1, 'k': 2}:\n  pass",
    "match x:\n case [*a, *b]:\n  pass",
    "match x:\n case P(a=1, a=2):\n  pass",
]:
    try:
        exec(src, {"x": 0, "P": None})
        print("ran")
    except SyntaxError as e:
        print("SyntaxError", e.msg)

match = [1, 2]
case = match[0]
print(match, case)
