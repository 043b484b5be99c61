# Comparisons and identity tests feeding a conditional jump (fused into
# one step by the interpreter): every kind of operand, errors raised by the
# comparison, and user comparisons returning things that are not bools.


class Odd:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        # Not a bool: its truth decides the branch.
        return [self.v] if self.v < other.v else []

    def __gt__(self, other):
        return self.v - other.v

    def __eq__(self, other):
        return "yes" if self.v == other.v else ""


class Truthy:
    def __init__(self, answer):
        self.answer = answer

    def __bool__(self):
        print("bool called", self.answer)
        return self.answer


class Judge:
    def __le__(self, other):
        return Truthy(other == 1)


class BadBool:
    def __bool__(self):
        raise ValueError("no truth here")


class Bad:
    def __lt__(self, other):
        return BadBool()


def branch(a, b):
    out = []
    if a < b:
        out.append("lt")
    if a <= b:
        out.append("le")
    if a == b:
        out.append("eq")
    if a != b:
        out.append("ne")
    if not a > b:
        out.append("not-gt")
    if a >= b:
        out.append("ge")
    return out


for a, b in [(1, 2), (2, 2), (3, 2), (-5, -5), (1.5, 2.5), (2.0, 2.0),
             (float("nan"), 1.0), (1, 2.0), (2.0, 1), (10**30, 10**30 + 1),
             (True, 1), ("abc", "abd"), ("b", "a"), ("é", "e"), ((1, 2), (1, 3))]:
    print(repr(a), repr(b), branch(a, b))

x, y = Odd(1), Odd(2)
print("odd", branch(x, y) if False else None)
if x < y:
    print("odd lt true")
if y < x:
    print("odd lt false?")
else:
    print("odd lt empty list is false")
if y > x:
    print("odd gt nonzero")
if x > x:
    print("never")
else:
    print("odd gt zero is false")
if x == Odd(1):
    print("odd eq 'yes'")
if not x == y:
    print("odd eq '' is false")

if Judge() <= 1:
    print("judge true")
if Judge() <= 2:
    print("judge true?")
else:
    print("judge false")

try:
    if Bad() < 1:
        print("unreachable")
except ValueError as e:
    print("bool raised:", e, e.__traceback__.tb_lineno)

for a, b in [(1, "1"), ("a", 2), (None, 0), ([1], (1,))]:
    try:
        if a < b:
            print("unreachable")
    except TypeError as e:
        print("TypeError:", e, e.__traceback__.tb_lineno)

n = None
for v in [None, 0, "", n]:
    if v is None:
        print("is None", repr(v))
    if v is not None:
        print("is not None", repr(v))
    while v is not None:
        v = None
        print("loop ran once")

i, total = 0, 0
while i < 10:
    total += i
    i += 1
print(i, total)
j = 10.0
while j > 0.5:
    j /= 2
print(j)
k = 0
while not k >= 5:
    k += 2
print(k)
s = "a"
while s != "aaaa":
    s += "a"
print(s)
print(1 < 2 < 3, 3 > 2 > 2, [i for i in range(20) if i % 3 == 0 and i > 4])


def kept(a, b, c):
    # `and`/`or` after a test keep the test's value when they jump.
    return [a < b or c, a < b and c, a == b or c, a is b or c, a is not b and c,
            "s" == a or c, "s" != a and c]


print(kept(1, 2, "c"), kept(2, 1, "c"), kept(1.0, 1.0, None), kept("s", "t", 0))
