# Binary operators whose operands are all of built-in kinds (ints, big
# ints, bools, floats, strs, lists, tuples): results, in-place forms, and
# the exact error of each unsupported pairing.
values = [3, -7, 2**70, True, False, 2.5, -0.0, "ab", "", [1, 2], [], (1,), ()]
small = [3, -7, True, False, 2.5, -0.0, "ab", "", [1, 2], [], (1,), ()]
ops = [
    ("+", lambda a, b: a + b), ("-", lambda a, b: a - b), ("*", lambda a, b: a * b),
    ("/", lambda a, b: a / b), ("//", lambda a, b: a // b), ("%", lambda a, b: a % b),
    ("**", lambda a, b: a ** b), ("<<", lambda a, b: a << b), (">>", lambda a, b: a >> b),
    ("&", lambda a, b: a & b), ("|", lambda a, b: a | b), ("^", lambda a, b: a ^ b),
]
for name, op in ops:
    for a in values:
        for b in (small if name in ("**", "<<", "*") else values):
            try:
                r = op(a, b)
                if isinstance(r, (str, list, tuple)) and len(r) > 12:
                    r = (type(r).__name__, len(r))
                print(repr(a), name, repr(b), "=", repr(r))
            except Exception as e:
                print(repr(a), name, repr(b), type(e).__name__, e)

# In-place forms: a list extends from any iterable, a tuple does not.
x = [1]
x += (2, 3)
x += "ab"
x *= 2
print(x)
t = (1,)
try:
    t += [2]
except TypeError as e:
    print(type(e).__name__, e)
s = "a"
s += "b"
s *= 3
print(s)
n = 5
n **= 2
n //= 3
n <<= 70
print(n)
f = 1.5
f %= 0.4
print(f)

# %-formatting takes any subscriptable right operand but a tuple or a str
# as a mapping: no error for what no specifier uses.
for fmt, arg in [("ab", [1]), ("ab", range(3)), ("ab", b"x"), ("ab", bytearray(b"x")),
                 ("%s", [1, 2]), ("%s", range(2)), ("%s", b"x"), ("ab", {1}), ("ab", 3),
                 ("ab", (1,)), ("ab", "x"), ("ab", ""), (b"ab", b"x"), (b"ab", [1]),
                 (b"ab", bytearray(b"y")), (b"%s", b"x"), ("%(a)s", [1])]:
    try:
        print(repr(fmt), repr(arg), repr(fmt % arg))
    except Exception as e:
        print(repr(fmt), repr(arg), type(e).__name__, e)
