# A hand-written tokenizer for a small expression language: numbers (int
# and float), identifiers, keywords, operators of one and two characters,
# strings with escapes, comments, and error positions.
KEYWORDS = {"let", "if", "else", "fn", "return"}
TWO_CHAR = {"==", "!=", "<=", ">=", "->", "&&", "||"}
ONE_CHAR = set("+-*/%=<>(){},;!")
class LexError(Exception):
    pass
def tokenize(src):
    tokens = []
    i, line, col = 0, 1, 1
    while i < len(src):
        c = src[i]
        start_col = col
        if c == "\n":
            i, line, col = i + 1, line + 1, 1
            continue
        if c.isspace():
            i, col = i + 1, col + 1
            continue
        if c == "#":
            while i < len(src) and src[i] != "\n":
                i += 1
            continue
        if c.isdigit():
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            text = src[i:j]
            if text.count(".") > 1:
                raise LexError(f"bad number {text!r} at {line}:{start_col}")
            tokens.append(("FLOAT" if "." in text else "INT", float(text) if "." in text else int(text), line, start_col))
        elif c.isalpha() or c == "_":
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            word = src[i:j]
            tokens.append(("KW" if word in KEYWORDS else "IDENT", word, line, start_col))
        elif c == '"':
            j, out = i + 1, []
            while True:
                if j >= len(src) or src[j] == "\n":
                    raise LexError(f"unterminated string at {line}:{start_col}")
                if src[j] == "\\":
                    out.append({"n": "\n", "t": "\t", '"': '"', "\\": "\\"}.get(src[j + 1], "?"))
                    j += 2
                    continue
                if src[j] == '"':
                    break
                out.append(src[j])
                j += 1
            j += 1
            tokens.append(("STR", "".join(out), line, start_col))
        elif src[i:i + 2] in TWO_CHAR:
            j = i + 2
            tokens.append(("OP", src[i:j], line, start_col))
        elif c in ONE_CHAR:
            j = i + 1
            tokens.append(("OP", c, line, start_col))
        else:
            raise LexError(f"unexpected character {c!r} at {line}:{start_col}")
        col += j - i
        i = j
    return tokens
program = '''let x = 42;  # the answer
let y = 3.5 * (x - 1);
fn add(a, b) -> a + b
if x >= 10 && y != 0 { print("big\\tvalue\\n") } else { return -1 }
'''
for tok in tokenize(program):
    print(tok)
for bad in ['let s = "open', "x = 1.2.3", "a $ b", 'ok "esc\\"aped"']:
    try:
        print(tokenize(bad))
    except LexError as e:
        print("LexError:", e)
counts = {}
for kind, *_ in tokenize(program):
    counts[kind] = counts.get(kind, 0) + 1
print(sorted(counts.items()))
