# Calling with keyword arguments: any order, mixed with positional, and the
# TypeErrors for duplicates, unknown names and missing or extra arguments.
def area(width, height, unit="cm"):
    return f"{width * height} {unit}^2"
print(area(2, 3), area(width=2, height=3), area(height=3, width=2), area(2, height=3, unit="m"))
def report(call):
    try:
        print(call())
    except TypeError as e:
        print(type(e).__name__, e)
report(lambda: area(2))
report(lambda: area())
report(lambda: area(1, 2, 3, 4))
report(lambda: area(2, width=3))
report(lambda: area(2, 3, colour="red"))
report(lambda: area(2, 3, **{"unit": "in"}))
report(lambda: area(*[2], **{"height": 5}))
report(lambda: area(2, **{"height": 1, "width": 1}))
def one(x):
    return x
report(lambda: one())
report(lambda: one(1, 2))
report(lambda: one(y=1))
def two(x, y):
    return x
report(lambda: two())
def three(a, b, c):
    return a
report(lambda: three(1))
def none():
    return "none"
report(lambda: none(1))
report(lambda: none(a=1))
def kwonly(*, key):
    return key
report(lambda: kwonly())
report(lambda: kwonly(1))
report(lambda: kwonly(key=9))
def kw2(*, a, b):
    return a
report(lambda: kw2())
