"""Writes hash.tsv: CPython 3.11's hash() of ints (as hex()), floats (as
IEEE bits), complexes (from their parts' hashes) and tuples (from their items'
hashes). Run from this folder: python3 gen_runtime_hash.py."""
import random, struct

rng = random.Random(11)
def fb(x):
    return '%016x' % struct.unpack('<Q', struct.pack('<d', x))[0]

rows = []
ints = [0, 1, -1, -2, 2**61 - 2, 2**61 - 1, 2**61, -(2**61 - 1), 2**63 - 1, -2**63, 2**64, 10**100, -(10**100),
        2**122 - 2, 2**200 - 1]
ints += [rng.randrange(-2**rng.randrange(1, 300), 2**rng.randrange(1, 300)) for _ in range(300)]
for n in ints:
    rows.append(('int', hex(n), hash(n)))
floats = [0.0, -0.0, 1.0, -1.0, 1.5, -1.5, 0.1, 1e300, 1e-300, 5e-324, float('inf'), float('-inf'),
          2.0**61, 2.0**61 - 2**9, -2.0**60, 2.0**-61, 1e16, 1 / 3]
floats += [struct.unpack('<d', struct.pack('<Q', rng.getrandbits(64)))[0] for _ in range(300)]
floats += [rng.uniform(-1e6, 1e6) for _ in range(100)] + [float(rng.randrange(-10**6, 10**6)) for _ in range(50)]
for x in floats:
    if x == x:
        rows.append(('float', fb(x), hash(x)))
for _ in range(100):
    re, im = rng.choice(floats), rng.choice(floats)
    if re == re and im == im:
        rows.append(('complex', '%d,%d' % (hash(re), hash(im)), hash(complex(re, im))))
for n in range(0, 12):
    for _ in range(15):
        items = tuple(rng.choice(ints + floats[:100]) for _ in range(n))
        if all(i == i for i in items):
            rows.append(('tuple', ','.join(str(hash(i)) for i in items), hash(items)))
nested = ((1, 2), ((3,), ()), (-1, -2.5, 1e100))
rows.append(('tuple', ','.join(str(hash(i)) for i in nested), hash(nested)))
with open('hash.tsv', 'w') as fh:
    for r in rows:
        fh.write('\t'.join(map(str, r)) + '\n')
