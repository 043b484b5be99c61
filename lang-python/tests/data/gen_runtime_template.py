"""Writes template.tsv: how CPython 3.11 splits str.format templates
(_string.formatter_parser), field names (_string.formatter_field_name_split)
and numbers fields (str.format over positional ints). Run from this folder:
python3 gen_runtime_template.py. Rows: kind, input, outcome; within an
outcome, parts are separated by \\x1e and items inside a part by \\x1f; an
error is `!Kind: message` in last place. Fields are escaped with \\\\, \\t,
\\n, \\r."""
import random, _string

rng = random.Random(3)
def esc(s):
    return s.replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n').replace('\r', '\\r')
def err(e):
    return '!%s: %s' % (type(e).__name__, e)

def chunks(t):
    out = []
    try:
        for lit, name, spec, conv in _string.formatter_parser(t):
            if name is None:
                out.append(lit)
            else:
                out.append('\x1f'.join([lit, name, conv or '', spec]))
    except Exception as e:
        out.append(err(e))
    return '\x1e'.join(out)

def field_name(n):
    try:
        first, rest = _string.formatter_field_name_split(n)
    except Exception as e:
        return err(e)
    out = ['#%d' % first if isinstance(first, int) else first]
    try:
        for is_attr, key in rest:
            kind = '.' if is_attr else ('#' if isinstance(key, int) else '[')
            out.append(kind + str(key))
    except Exception as e:
        out.append(err(e))
    return '\x1e'.join(out)

def numbering(t):
    try:
        return t.format(*range(10), a='A', b='B')
    except Exception as e:
        return err(e)

templates = ['', 'plain', 'a{{b}}c', '{{', '}}', '}}{{', '{', '}', 'a{', 'a}b', '{}}', '{0', '{0!', '{0!r', '{0!rr}',
    '{0!x}', '{!r}', '{0:', '{0:{1}}', '{0:{1:{2}}}', '{0[}', '{0[0]}', '{0[}]}', '{0[:]}', '{0[!]}', '{0!r :5}',
    '{0!}', '{0:}}', '{0:{{}}}', '{a{b}', 'x{0!r:>{1}}y', 'ab{}cd{:x}', '{0!é}', '{0!é:x}', 'é{0}ü{1:ü^5}',
    '{0:{1}x{2}}', '{0.a[1].b!s:{w}.{p}}', '{ }', '{0 }', '{!}', '{:}', '{[0]}', '{.real}', '{0]}', '{0[0]]}',
    '{!r:}', '{0!r}}', '{{0}}', '{{{0}}}', '{0}{', '{0}}', '{0:{{1}}}']
alphabet = ['{', '}', '{{', '}}', '0', '1', 'a', '!', 'r', ':', '>', '[', ']', '.', 'x', ' ']
for _ in range(300):
    templates.append(''.join(rng.choice(alphabet) for _ in range(rng.randrange(1, 9))))
names = ['0', '', '00', '007', 'a', 'a.b[0][x].c', '.real', '[0]', '0.', '0..a', '0.a.', '0[', '0[]', '0[0]x',
    '0]', '99999999999999999999', '0[99999999999999999999]', '0[-1]', '0[ 1]', 'a[.]', '0.a[', '-1', 'x y',
    '0[1][2]', '0[a][b].c.d', 'é.ü[ß]', '0[0][', '[', '.', '[]']
numbered = ['{}', '{}{}', '{0}{1}', '{}{1}', '{1}{}', '{a}{}{b}', '{0}{a}{0}', '{}{a}{}', '{:{}}', '{0:{1}}',
    '{:{1}}', '{0:{}}', '{}-{}-{}', '{2}{1}{0}', '{[0]}', '{.real}{}', '{a}', '{c}', '{10}']

rows = [('template', t, chunks(t)) for t in templates]
rows += [('name', n, field_name(n)) for n in names]
rows += [('numbering', t, numbering(t)) for t in numbered]
with open('template.tsv', 'w', encoding='utf-8') as fh:
    for r in rows:
        fh.write('\t'.join(esc(c) for c in r) + '\n')
