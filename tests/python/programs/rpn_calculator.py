# A reverse-Polish calculator reading one expression per line from stdin:
# ints and floats, + - * / // % ** and stack words (dup swap drop), with
# each error reported per line and a summary at the end.
import sys
OPS = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b, "/": lambda a, b: a / b,
       "//": lambda a, b: a // b, "%": lambda a, b: a % b, "**": lambda a, b: a ** b}
class RPNError(Exception):
    pass
def number(tok):
    try:
        return int(tok)
    except ValueError:
        return float(tok)
def evaluate(line):
    stack = []
    for tok in line.split():
        if tok in OPS:
            if len(stack) < 2:
                raise RPNError(f"'{tok}' needs two operands, stack has {len(stack)}")
            b, a = stack.pop(), stack.pop()
            stack.append(OPS[tok](a, b))
        elif tok == "dup":
            stack.append(stack[-1])
        elif tok == "swap":
            stack[-1], stack[-2] = stack[-2], stack[-1]
        elif tok == "drop":
            stack.pop()
        else:
            try:
                stack.append(number(tok))
            except ValueError:
                raise RPNError(f"unknown token {tok!r}") from None
    if len(stack) != 1:
        raise RPNError(f"expected one result, stack is {stack}")
    return stack[0]
ok = failed = 0
for lineno, line in enumerate(sys.stdin, 1):
    line = line.strip()
    if not line or line.startswith("#"):
        continue
    try:
        print(f"{lineno}: {line} = {evaluate(line)!r}")
        ok += 1
    except (RPNError, ZeroDivisionError, IndexError) as e:
        print(f"{lineno}: {line} -> {type(e).__name__}: {e}")
        failed += 1
print(f"{ok} ok, {failed} failed")
