"""Writes arith.tsv: CPython 3.11's results for int and float arithmetic.
Run from this folder: python3 gen_runtime_arith.py. Each row is an operation
name, its operands and the outcome. Ints are written as hex(), floats as
their 16-hex-digit IEEE bits; an outcome is `i:<hex>`, `f:<bits>`, `c`
(a complex result), `b:True`, `o:<`/`=`/`>`/`u` (unordered), a comma-joined
pair, or `!Kind: message`."""
import math, random, struct

rng = random.Random(7)

def fb(x):
    return '%016x' % struct.unpack('<Q', struct.pack('<d', x))[0]

def show(v):
    if isinstance(v, bool):
        return 'b:%s' % v
    if isinstance(v, int):
        return 'i:' + hex(v)
    if isinstance(v, float):
        return 'f:nan' if v != v else 'f:' + fb(v)
    if isinstance(v, complex):
        return 'c'
    if isinstance(v, tuple):
        return ','.join(show(x) for x in v)
    if isinstance(v, str):
        return 'o:' + v
    raise TypeError(v)

def outcome(f):
    try:
        return show(f())
    except Exception as e:
        return '!%s: %s' % (type(e).__name__, e)

def arg(v):
    return hex(v) if isinstance(v, int) else fb(v)

ints = [0, 1, -1, 2, -2, 3, -3, 7, -7, 10, 255, -256, 2**31, 2**53, 2**53 + 1, -2**53 - 1, 2**62, 2**63 - 1,
        -2**63, 2**63, -2**63 - 1, 2**64, 10**18, 10**19, 10**30, -10**30, 2**100 + 12345, -(3**90), 10**400,
        -(10**400), 2**1023, 2**1024, 2**1024 - 2**970, 2**1024 - 2**970 - 1, 2**1024 - 2**971 + 1]
for _ in range(40):
    ints.append(rng.randrange(-2**rng.randrange(1, 200), 2**rng.randrange(1, 200)))
small_ints = [i for i in ints if abs(i) < 2**70]
floats = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1.5, 2.5, -2.5, 3.0, -3.0, 0.1, 1e-300, 1e300, -1e300, 5e-324,
          2.0**53, 2.0**53 + 2, 2.0**63, -2.0**63, 2.0**64, 1e20, 123.456, -7.25, 0.3, 2.675, 1.7976931348623157e308,
          float('inf'), float('-inf'), float('nan'), 1/3, -2/3, 1234567.891, 0.125, 0.375, 5e-5]
for _ in range(30):
    floats.append(rng.uniform(-1000, 1000))
    floats.append(struct.unpack('<d', struct.pack('<Q', rng.getrandbits(64)))[0])

rows = []
def add(op, f, *args):
    rows.append([op] + [arg(a) for a in args] + [outcome(lambda: f(*args))])

pairs = [(a, b) for a in ints for b in ints if rng.random() < 0.12]
pairs += [(a, b) for a in [7, -7, 0, 2**63, -2**63, -2**63 - 1] for b in [2, -2, 0, 1, -1, 3]]
for a, b in pairs:
    add('floordiv', lambda a, b: a // b, a, b)
    add('mod', lambda a, b: a % b, a, b)
    add('divmod', divmod, a, b)
    add('truediv', lambda a, b: a / b, a, b)
    add('and', lambda a, b: a & b, a, b)
    add('or', lambda a, b: a | b, a, b)
    add('xor', lambda a, b: a ^ b, a, b)
    add('add', lambda a, b: a + b, a, b)
    add('sub', lambda a, b: a - b, a, b)
    add('mul', lambda a, b: a * b, a, b)
    add('cmpint', lambda a, b: '<' if a < b else '=' if a == b else '>', a, b)
for a, b in [(10**400, 10**399), (1, 10**400), (-1, 10**400), (10**400, 1), (2**1100, 2**76), (2**1100, 2**77 - 1),
             (1, 2**1074), (1, 2**1075), (3, 2**1076), (1, 2**1075 - 1), (-(10**30), 7), (2**54 + 1, 2**54)]:
    add('truediv', lambda a, b: a / b, a, b)
for a in ints:
    add('float', float, a)
    add('invert', lambda a: ~a, a)
    add('bit_length', lambda a: a.bit_length(), a)
    add('neg', lambda a: -a, a)
    for n in [0, 1, 3, 63, 64, 65, 200, -1]:
        add('shl', lambda a, n: a << n, a, n)
        add('shr', lambda a, n: a >> n, a, n)
    for n in [0, 1, -1, -2, -5, -19, -20, -400, -401, 3]:
        add('round_int', round, a, n)
for a in small_ints[:40]:
    for b in [0, 1, 2, 3, 5, 17, 64, -1, -2, -3]:
        add('pow', lambda a, b: a ** b, a, b)
    for b in [0, 1, 5, 2**70 + 1, -1, -3]:
        for m in [1, -1, 7, -7, 2**61 - 1, 10**20, 0, 12]:
            add('powmod', pow, a, b, m)
for x in floats:
    for y in floats[:25]:
        add('ffloordiv', lambda a, b: a // b, x, y)
        add('fmod', lambda a, b: a % b, x, y)
        add('fdivmod', divmod, x, y)
        add('fpow', lambda a, b: a ** b, x, y)
    for y in [2.0, -2.0, 3.0, -3.0, 0.5, -0.5, 1e10, 1025.0]:
        add('fpow', lambda a, b: a ** b, x, y)
    add('round0', round, x)
    add('floor', math.floor, x)
    add('ceil', math.ceil, x)
    add('trunc', math.trunc, x)
    add('ratio', lambda x: x.as_integer_ratio(), x)
    add('is_integer', lambda x: x.is_integer(), x)
    for n in [0, 1, 2, 3, 5, 10, 17, -1, -2, -5, -300, -308, -309, 300, 323, 324]:
        add('round', round, x, n)
    for a in ints[:20]:
        add('cmp', lambda a, x: '<' if a < x else '=' if a == x else '>' if a > x else 'u', a, x)
for x, n in [(2.675, 2), (0.125, 2), (0.375, 2), (1.7976931348623157e308, -308), (5e-324, 323), (5e-324, 324),
             (2.5, 0), (-0.5, 0), (0.5, 0), (1.5, 0), (1e22, -22), (5e22, -23), (1.15, 1), (-1.25, 1), (1e-20, 5)]:
    add('round', round, x, n)
for a, x in [(2**53 + 1, 2.0**53), (2**53, 2.0**53), (-2**53 - 1, -2.0**53), (2**1024, float('inf')),
             (10**400, 1e308), (3, 2.5), (-3, -2.5), (2**63, 2.0**63), (2**63 - 1, 2.0**63)]:
    add('cmp', lambda a, x: '<' if a < x else '=' if a == x else '>' if a > x else 'u', a, x)

with open('arith.tsv', 'w') as fh:
    for r in rows:
        fh.write('\t'.join(r) + '\n')
