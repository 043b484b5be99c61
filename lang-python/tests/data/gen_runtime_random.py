"""Writes random.tsv: CPython 3.11's random-module outputs for integer
seeds. Run from this folder: python3 gen_runtime_random.py. Each row is a
seed (hex()), an operation with its arguments, and the outputs in order
(joined by |, floats as repr, ints as hex(), errors as
`!Kind: message`; a shuffle or sample is one space-separated output)."""
import random

def outcome(f):
    try:
        return f()
    except Exception as e:
        return '!%s: %s' % (type(e).__name__, e)

seeds = [0, 1, 42, 2**40, -5, 12345678901234567890, 2**32 - 1, 2**32, 2**64 + 3, 10**40, 7]
rows = []
for s in seeds:
    r = random.Random(s)
    rows.append((hex(s), 'random', '', '|'.join(repr(r.random()) for _ in range(30))))
    r = random.Random(s)
    rows.append((hex(s), 'u32', '', '|'.join(hex(r.getrandbits(32)) for _ in range(700))))
    for k in [0, 1, 5, 31, 32, 33, 53, 63, 64, 65, 100, 128, 1000, -1]:
        r = random.Random(s)
        rows.append((hex(s), 'getrandbits', str(k), '|'.join(str(outcome(lambda: hex(r.getrandbits(k)))) for _ in range(5))))
    for args in [(10,), (0,), (-3,), (3, 10), (5, 5), (5, 1), (0, 100, 7), (100, 0, -7), (1, 5, 0), (1, 5, -1),
                 (-10**30, 10**30), (0, 2**64), (0, 2**64 + 1, 3), (7, 8), (10**20, 10**20 + 5, 2)]:
        r = random.Random(s)
        rows.append((hex(s), 'randrange', ','.join(hex(a) for a in args),
                     '|'.join(str(outcome(lambda: hex(r.randrange(*args)))) for _ in range(8))))
    for a, b in [(1, 6), (0, 0), (5, 1), (-100, 100), (0, 2**70)]:
        r = random.Random(s)
        rows.append((hex(s), 'randint', '%s,%s' % (hex(a), hex(b)),
                     '|'.join(str(outcome(lambda: hex(r.randint(a, b)))) for _ in range(8))))
    for n in [0, 1, 2, 10, 1000, 2**40]:
        r = random.Random(s)
        rows.append((hex(s), 'choice', str(n), '|'.join(str(outcome(lambda: r.choice(range(n)))) for _ in range(8))))
    for n in [0, 1, 2, 5, 52, 1000]:
        r = random.Random(s)
        x = list(range(n))
        r.shuffle(x)
        rows.append((hex(s), 'shuffle', str(n), ' '.join(map(str, x))))
    for n, k in [(10, 3), (10, 10), (10, 0), (3, 4), (3, -1), (100, 5), (100, 6), (30, 6), (1000, 20), (10**6, 50),
                 (50, 40), (200, 100), (21, 21), (22, 3), (86, 20), (87, 20), (10**9, 7)]:
        r = random.Random(s)
        res = outcome(lambda: ' '.join(map(str, r.sample(range(n), k))))
        rows.append((hex(s), 'sample', '%d,%d' % (n, k), res))
    r = random.Random(s)
    rows.append((hex(s), 'uniform', '', '|'.join(repr(r.uniform(-3.5, 10.25)) for _ in range(10))))
    r = random.Random(s)
    rows.append((hex(s), 'gauss', '', '|'.join(repr(r.gauss(1.5, 2.0)) for _ in range(11))))
    r = random.Random(s)
    rows.append((hex(s), 'normalvariate', '', '|'.join(repr(r.normalvariate(-1.0, 0.5)) for _ in range(11))))
with open('random.tsv', 'w') as fh:
    for row in rows:
        fh.write('\t'.join(row) + '\n')
