"""Writes the expected values of the runtime's text conversions, from the
CPython 3.11 that runs this script: float repr/hex/fromhex, complex repr, float(str),
int(str, base), str/bin/oct/hex of ints. Run it from this folder:
python3 gen_runtime_text.py. Each line is tab-separated fields escaped with
\\\\, \\t, \\n, \\r; an exception is written `!Kind: message`."""
import random, struct

def esc(s):
    return s.replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n').replace('\r', '\\r')

def bits(x):
    return '%016x' % struct.unpack('<Q', struct.pack('<d', x))[0]

def outcome(f):
    try:
        r = f()
    except Exception as e:
        return '!%s: %s' % (type(e).__name__, e)
    return r

def write(name, rows):
    with open(name, 'w', encoding='utf-8') as fh:
        for row in rows:
            fh.write('\t'.join(esc(str(c)) for c in row) + '\n')

rng = random.Random(20261130)

def sample_floats():
    xs = [0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1.5, 2.5, 1e16, 1e15, 9999999999999998.0, 1e-4, 1e-5,
          0.0001, 0.00001234, 123.0, 1e22, 1e23, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
          float('inf'), float('-inf'), 2**53, 2**53 + 2, 0.3, 2/3, 1/3, 100.0, 1e100, 123456789.123,
          12345678901234567.0, 0.000123456789, 1e-7, 3.14159, 2.675, 0.125, 0.375, 1e300, 4.35, 0.045]
    for e in range(-30, 30):
        xs += [10.0 ** e, -(10.0 ** e) * 1.5, 2.0 ** e, 10.0 ** e * 7 / 3]
    for _ in range(600):
        xs.append(struct.unpack('<d', struct.pack('<Q', rng.getrandbits(64)))[0])
    for _ in range(300):
        xs.append(rng.uniform(-1e6, 1e6))
        xs.append(round(rng.uniform(-1000, 1000), rng.randrange(0, 6)))
        xs.append(rng.randrange(-10**6, 10**6) / 8)
    return [float(x) for x in xs if x == x]

floats = sample_floats()
write('float_repr.tsv', [(bits(x), repr(x), x.hex()) for x in floats])

parts = [0.0, -0.0, 1.0, -1.0, 1.5, 1e16, 1e-5, -2.5e-300, 123456789.0, float('inf'), float('-inf'),
         float('nan'), -float('nan'), 0.1]
parts += [rng.choice(floats) for _ in range(20)]
write('complex_repr.tsv', [(bits(a), bits(b), repr(complex(a, b))) for a in parts for b in parts])

hex_inputs = [x.hex() for x in floats[:200]] + [
    '0x1p-1074', '0x1p-1075', '0x1.8p-1075', '0x3p-1076', '0x1.fffffffffffff8p1023', '0x1.fffffffffffff7p1023',
    '0x1p1024', '  -0X1.8P+1  ', '1', '.8', '1.', '0x.8p1', 'inf', '-Infinity', 'nan', '0x', '', 'p1',
    '0x1.0000000000000800001p0', '0x1.00000000000008p0', '0x1.00000000000018p0', '0x1p+99999999999999999999',
    '0x1p-99999999999999999999', '0xg', '0x1p', '0x1.2.3', '0x0p5', '-0x0.0p0', '0x1_0', '0x1.8p-1060',
    '0x0.0000000000001p-1022', '0x0.00000000000008p-1022', '0x0.0000000000000800001p-1022']
write('float_fromhex.tsv', [(s, outcome(lambda: bits(float.fromhex(s)))) for s in hex_inputs])

float_inputs = ['1', ' 1.5 ', '-0', '+.5', '5.', '.', '', ' ', '1e5', '1E-5', '1e', '1e+', '1_000.5', '1__0',
    '_1', '1_', '1_.5', '1._5', '1.5_', '1e1_0', '1e_10', '1_e10', 'inf', '-INF', 'Infinity', '+iNfInItY',
    'nan', '-NaN', 'infin', 'in_f', 'nan1', '0x10', '1e5000', '-1e5000', '1e-5000', '\t\n 2.5\x0b\x0c\r',
    '\x1c1', '1\x1f', '\u00a01\u2003', '٣.٤', '１２', '1 2', '++1', '-+1', '1e--5', "x'", 'é', '\x00',
    '0.1', '2.675', '9007199254740993', '1' * 400, '0.' + '0' * 330 + '1', '1.7976931348623159e308',
    '2.4703282292062328e-324', '2.4703282292062327e-324', '4.9406564584124654e-324', 'x' * 300, "a'\"b",
    '00012', '1.5e0010', '-.0e5', '1e99999999999999999999999', '1e-99999999999999999999999']
for _ in range(200):
    x = rng.choice(floats)
    float_inputs.append(repr(x) if rng.random() < 0.5 else '%.*e' % (rng.randrange(0, 25), x))
write('float_parse.tsv', [(s, outcome(lambda: bits(float(s)))) for s in float_inputs])

int_inputs = [('0', 10), ('-0', 10), (' 42 ', 10), ('+7', 10), ('1_000', 10), ('1__0', 10), ('_1', 10), ('1_', 10),
    ('0x1f', 16), ('0x_1f', 16), ('0X1F', 0), ('0x', 16), ('0x_', 16), ('0o17', 0), ('0o17', 8), ('0b101', 0),
    ('0b101', 2), ('0b101', 16), ('0b', 16), ('010', 0), ('000', 0), ('0_0', 0), ('00_1', 0), ('0', 0),
    ('9', 8), ('z', 36), ('Z', 36), ('10', 2), ('12', 2), ('', 10), (' ', 10), ('-', 10), ('1 2', 10),
    ('٣٤', 10), ('１２', 0), ('\u20031\u2003', 10), ('\x1c1', 10), ('1\x1f', 10), ('\x0b1\x0c', 10),
    ('1', 1), ('1', 37), ('1', -1), ('x' * 300, 10), ('é' * 300, 10), ("'" * 5, 10), ('\x00', 10),
    ('9223372036854775807', 10), ('9223372036854775808', 10), ('-9223372036854775808', 10),
    ('-9223372036854775809', 10), ('zzzzzzzzzzzz', 36), ('zzzzzzzzzzzzz', 36), ('1' * 4300, 10),
    ('1' * 4301, 10), ('-' + '1' * 4301, 10), ('1' * 4301 + '_', 10), ('1' * 4301 + ' x', 10),
    ('1' * 4301 + 'x', 10), ('1' * 5000, 16), ('1' * 5000, 7), ('01' + '1' * 4301, 0), ('1_' * 2200 + '1', 10),
    ('0' * 5000, 10), ('0x' + 'f' * 2000, 0), ('0b' + '1' * 300, 0), ('1' * 4301, 36), ('1' * 4301, 32),
    ('123', 0), ('0o', 0), ('0o8', 0), ('0b2', 0), ('0_x1', 0), ('1e5', 10), ('12.0', 10), ('  -  1', 10)]
for _ in range(300):
    base = rng.choice([2, 3, 8, 10, 10, 10, 16, 36, 0])
    n = rng.randrange(-10**rng.randrange(1, 60), 10**rng.randrange(1, 60))
    b = base or 10
    digits = '0123456789abcdefghijklmnopqrstuvwxyz'
    m, s = abs(n), ''
    while True:
        s = digits[m % b] + s
        m //= b
        if not m:
            break
    if rng.random() < 0.3:
        s = s.upper()
    int_inputs.append((('-' if n < 0 else '') + s, base))
def int_result(s, base):
    r = outcome(lambda: int(s, base))
    if isinstance(r, int):
        return hex(r)  # hex: no digit limit on the expected side
    return r
write('int_parse.tsv', [(s, base, int_result(s, base)) for s, base in int_inputs])

ints = [0, 1, -1, 7, -255, 2**63 - 1, -2**63, 2**63, -2**63 - 1, 2**64, 10**18, 10**19, 10**4299, -10**4299,
        10**4300, -(10**4300), 2**14284, 2**14289, 2**14290, 2**100000]
for _ in range(300):
    ints.append(rng.randrange(-2**rng.randrange(1, 300), 2**rng.randrange(1, 300)))
write('int_print.tsv', [(hex(n), outcome(lambda: str(n)), bin(n), oct(n)) for n in ints])
