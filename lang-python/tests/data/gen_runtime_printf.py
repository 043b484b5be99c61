"""Writes printf.tsv: CPython 3.11's `fmt % value` for single conversions
with random flags, widths and precisions, and the errors of malformed
conversions. Run from this folder: python3 gen_runtime_printf.py. Rows:
kind (int: value as hex(); float: IEEE bits; str; char: a code point;
bad: a format string applied to (1,)), value, format, outcome (the text or
`!Kind: message`). Fields are escaped with \\\\, \\t, \\n, \\r."""
import random, struct

rng = random.Random(9)
def esc(s):
    return s.replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n').replace('\r', '\\r')
def fb(x):
    return '%016x' % struct.unpack('<Q', struct.pack('<d', x))[0]
def outcome(f):
    try:
        return f()
    except Exception as e:
        return '!%s: %s' % (type(e).__name__, e)

def spec(types):
    flags = ''.join(rng.choice('-+ #0') for _ in range(rng.choice([0, 0, 1, 1, 2, 3])))
    width = str(rng.randrange(0, 20)) if rng.random() < 0.6 else ''
    prec = '.' + str(rng.randrange(0, 20)) if rng.random() < 0.4 else ('.' if rng.random() < 0.05 else '')
    length = rng.choice(['', '', '', '', 'l', 'h', 'L'])
    return '%' + flags + width + prec + length + rng.choice(types)

ints = [0, 1, -1, 5, -5, 42, -42, 255, -255, 2**63 - 1, -2**63, 2**64, -(10**30), 10**50 + 7]
floats = [0.0, -0.0, 1.0, -1.5, 0.5, 2.5, 0.1, 1234.5678, -1e-7, 1e16, 1e22, 1e300, 5e-324, 1/3,
          float('inf'), float('-inf'), float('nan'), 9.9999995, 100.0]
strs = ['', 'a', 'abc', 'héllo wörld', '日本']
rows = []
for _ in range(500):
    s = spec('diuoxX')
    for v in ints:
        rows.append(('int', hex(v), s, outcome(lambda: s % v)))
for _ in range(500):
    s = spec('eEfFgG')
    for x in floats:
        rows.append(('float', fb(x), s, outcome(lambda: s % x)))
for _ in range(150):
    s = spec('s')
    for t in strs:
        rows.append(('str', t, s, outcome(lambda: s % t)))
for _ in range(60):
    s = spec('c')
    for c in [65, 0x263a, 0x1F600, 0x110000, -1]:
        rows.append(('char', str(c), s, outcome(lambda: s % c)))
for f in ['%', '%q', '%5', '%.', '%-', '%#', '% ', '%lld', '%z', '%\x01', '%é', '%5.3', '%(a', '%(a)d', '%(a(b))d',
          '%10.', '%.q', '%ll', '%' + '9' * 12 + 'd', '%.' + '9' * 12 + 'd', '%*d', '%.*f', '%%', '%5%', '%hd', '%Lf']:
    rows.append(('bad', '', f, outcome(lambda: f % ({'a': 1, 'a(b)': 2} if '(' in f else (1,)))))
with open('printf.tsv', 'w', encoding='utf-8') as fh:
    for r in rows:
        fh.write('\t'.join(esc(c) for c in r) + '\n')
