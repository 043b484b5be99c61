match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case ["go", *rest] | ("walk", *rest):
        pass
    case Point(x=0, y=0) as origin:
        pass
    case Point(1, y=2):
        pass
    case a.b.C():
        pass
    case {"x": 1, 2: [a, b], None: _, **rest}:
        pass
    case -1 | 1.5 | -2 + 3j | 4 - 5j | "s" "t" | b"b":
        pass
    case None | True | False:
        pass
    case Color.RED:
        pass
    case (1, 2,) if x > 0:
        pass
    case ():
        pass
    case [*_]:
        pass
    case a, *b:
        pass
    case (x):
        pass
    case _:
        pass
match x, *y:
    case _:
        pass
match (yield_ := 3):
    case {}:
        pass
