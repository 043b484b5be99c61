"""Writes format.tsv: CPython 3.11's format(value, spec) for ints, floats and
strs over curated and random specs. Run from this folder:
python3 gen_runtime_format.py; also writes format_rounding.tsv. Rows: kind (int/float/str), value (hex() for
ints, IEEE bits for floats, the text for strs), spec, outcome (the text or
`!Kind: message`). Fields are escaped with \\\\, \\t, \\n, \\r."""
import random, struct

rng = random.Random(5)
def esc(s):
    return s.replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n').replace('\r', '\\r')
def fb(x):
    return '%016x' % struct.unpack('<Q', struct.pack('<d', x))[0]
def outcome(v, spec):
    try:
        return format(v, spec)
    except Exception as e:
        return '!%s: %s' % (type(e).__name__, e)

ints = [0, 1, -1, 7, -7, 42, 255, -255, 1234, -1234, 65, 0x10FFFF, 0x110000, 1234567, -1234567, 2**31, 2**63 - 1,
        -2**63, 2**64, -(2**64), 10**30, -(10**30) + 1, 2**100, 10**400, 123456789012345678901234567890]
floats = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, -2.5, 0.1, 0.125, 0.375, 2.675, 1234.5, -1234.5, 1234567.891,
          100.0, 1e16, 1e15, 123456789012345678.0, 1e-4, 1e-5, 0.00012345, 1e100, -1e-100, 1e300, 5e-324,
          1.7976931348623157e308, float('inf'), float('-inf'), float('nan'), -float('nan'), 1/3, -2/3, 9.995,
          0.0005, -0.0004, 99.99, 999999.5, 1e22, 12345.678]
strs = ['', 'a', 'ab', 'hello', 'héllo', '日本語', 'x' * 20, "quo'te"]
curated = ['', '5', '10', '<10', '>10', '^10', '^11', '=10', '*<8', '*>8', '*^9', '0=8', '0<8', 'x^7', '\U0001F600>5',
    '+', '-', ' ', '+10', ' 8', 'z', 'z.1f', 'z.0f', 'z.2e', 'z.3g', 'z%', 'z.0%', '#', '#x', '#o', '#b', '#X',
    '#10x', '#010x', '010x', '_x', '_b', '_o', '_X', '#_x', '010_x', '020_b', ',', '_', ',d', '_d', '09,', '08,',
    '010,', '011,', '012,', '0=12,', '*=12,', '0>12,', '+012,', '-012_', ' 012,', '07,', '04,', '03,', '09,.2f',
    '012,.3e', '015,g', '010,.1%', 'c', '+c', '#c', ' c', '5c', '<5c', 'd', 'n', '5n', ',n', '_n', 'e', 'E', '.0e',
    '.1e', '.10e', '.20e', '#.0e', 'f', 'F', '.0f', '.1f', '.2f', '.10f', '.30f', '#.0f', ',.2f', '_.3f', 'g', 'G',
    '.0g', '.1g', '.2g', '.3g', '.10g', '.17g', '.20g', '#g', '#.0g', '#.3g', '#.10g', '%', '.0%', '.1%', '#.0%',
    '.0', '.1', '.2', '.3', '.5', '.10', '.16', '.17', '.20', '#.0', '#.3', '#', '#.5', 's', '.0s', '.2s', '10.3s',
    '^10.3', '=', '=5', '+s', '#s', '.', '.f', '1.2.3', 'ab', 'xx', 'ss', 'q', 'ñ', '\x00', '\x01', '\x7f', '\U0001F600',
    ',,', ',_', '_,', '__', '99999999999999999999', '.99999999999999999999', '05', '00', '0', '-0', '+0', ' 0',
    '0^5', '0<5', '0>5', '+08.3f', '+08.3', '-08.3e', ' 08.3g', '+.0f', '+.3%', '+#x', ' #o', '-#b', 'x<05',
    'z>5', '=^5', '<', '>', '^', '0', '+z#010,.2f', 'z+', '#z', '.1500f', '.900e', '.900g', '#.900g', '.1200',
    '#.900', '.2147483648f', '.2147483648', '99999999999999']
alphabet = '<>^=+- z#0123456789,_.' + 'bcdeEfFgGnosxX%'
specs = list(curated)
for _ in range(400):
    parts = []
    if rng.random() < 0.3:
        parts.append(rng.choice(['', '*', '0', 'x', ' ']) + rng.choice('<>^='))
    if rng.random() < 0.3:
        parts.append(rng.choice('+- '))
    if rng.random() < 0.1:
        parts.append('z')
    if rng.random() < 0.2:
        parts.append('#')
    if rng.random() < 0.2:
        parts.append('0')
    if rng.random() < 0.5:
        parts.append(str(rng.randrange(0, 25)))
    if rng.random() < 0.2:
        parts.append(rng.choice(',_'))
    if rng.random() < 0.4:
        parts.append('.' + str(rng.randrange(0, 20)))
    if rng.random() < 0.8:
        parts.append(rng.choice('bcdeEfFgGnosxX%'))
    specs.append(''.join(parts))
for _ in range(100):
    specs.append(''.join(rng.choice(alphabet) for _ in range(rng.randrange(1, 6))))

rows = []
for spec in specs:
    for v in ints:
        rows.append(('int', hex(v), spec, outcome(v, spec)))
    for x in floats:
        rows.append(('float', fb(x), spec, outcome(x, spec)))
    for t in strs:
        rows.append(('str', t, spec, outcome(t, spec)))
with open('format.tsv', 'w', encoding='utf-8') as fh:
    for r in rows:
        fh.write('\t'.join(esc(c) for c in r) + '\n')

# Rounding stress: random doubles, exact binary ties (k / 2**n) and values
# near powers of ten, each with a random e/f/g/% precision.
rounding = []
for _ in range(6000):
    r = rng.random()
    if r < 0.4:
        x = struct.unpack('<d', struct.pack('<Q', rng.getrandbits(64)))[0]
        if x != x:
            continue
    elif r < 0.7:
        x = rng.randrange(-10**6, 10**6) / 2 ** rng.randrange(1, 12)
    else:
        x = rng.choice([1, -1]) * 10.0 ** rng.randrange(-20, 22) * rng.choice([1, 0.5, 1.5, 0.95, 0.995, 9.5])
    spec = '.%d%s' % (rng.randrange(0, 25), rng.choice('efgEG%'))
    rounding.append(('float', fb(x), spec, outcome(x, spec)))
with open('format_rounding.tsv', 'w', encoding='utf-8') as fh:
    for r in rounding:
        fh.write('\t'.join(esc(c) for c in r) + '\n')
