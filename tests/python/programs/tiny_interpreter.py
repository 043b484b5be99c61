# A tiny interpreter: a recursive-descent parser for arithmetic with
# variables, comparison, if-expressions and function calls, producing
# tuples as an AST, evaluated with an environment; errors are reported.
def tokenize(src):
    toks, i = [], 0
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit():
            j = i
            while j < len(src) and src[j].isdigit():
                j += 1
            toks.append(int(src[i:j]))
            i = j
        elif c.isalpha():
            j = i
            while j < len(src) and src[j].isalnum():
                j += 1
            toks.append(src[i:j])
            i = j
        elif src[i:i + 2] in ("==", "<="):
            toks.append(src[i:i + 2])
            i += 2
        else:
            toks.append(c)
            i += 1
    return toks
class Parser:
    def __init__(self, toks):
        self.toks, self.pos = toks, 0
    def peek(self):
        return self.toks[self.pos] if self.pos < len(self.toks) else None
    def take(self, expected=None):
        tok = self.peek()
        if expected is not None and tok != expected:
            raise SyntaxError(f"expected {expected!r}, got {tok!r}")
        self.pos += 1
        return tok
    def expr(self):
        if self.peek() == "if":
            self.take()
            cond = self.expr()
            self.take("then")
            a = self.expr()
            self.take("else")
            return ("if", cond, a, self.expr())
        left = self.arith()
        if self.peek() in ("<", "==", "<="):
            op = self.take()
            return (op, left, self.arith())
        return left
    def arith(self):
        node = self.term()
        while self.peek() in ("+", "-"):
            node = (self.take(), node, self.term())
        return node
    def term(self):
        node = self.atom()
        while self.peek() in ("*", "/", "%"):
            node = (self.take(), node, self.atom())
        return node
    def atom(self):
        tok = self.take()
        if isinstance(tok, int):
            return ("num", tok)
        if tok == "(":
            node = self.expr()
            self.take(")")
            return node
        if tok == "-":
            return ("neg", self.atom())
        if isinstance(tok, str) and tok.isalpha():
            if self.peek() == "(":
                self.take()
                args = [self.expr()]
                while self.peek() == ",":
                    self.take()
                    args.append(self.expr())
                self.take(")")
                return ("call", tok, args)
            return ("var", tok)
        raise SyntaxError(f"unexpected token {tok!r}")
FUNCS = {}
def evaluate(node, env):
    kind = node[0]
    if kind == "num":
        return node[1]
    if kind == "var":
        if node[1] not in env:
            raise NameError(f"undefined variable {node[1]}")
        return env[node[1]]
    if kind == "neg":
        return -evaluate(node[1], env)
    if kind == "if":
        return evaluate(node[2] if evaluate(node[1], env) else node[3], env)
    if kind == "call":
        params, body = FUNCS[node[1]]
        args = [evaluate(a, env) for a in node[2]]
        return evaluate(body, dict(zip(params, args)))
    a, b = evaluate(node[1], env), evaluate(node[2], env)
    return {"+": lambda: a + b, "-": lambda: a - b, "*": lambda: a * b, "/": lambda: a // b, "%": lambda: a % b,
            "<": lambda: int(a < b), "==": lambda: int(a == b), "<=": lambda: int(a <= b)}[kind]()
def run(src, env=None):
    return evaluate(Parser(tokenize(src)).expr(), env or {})
FUNCS["fact"] = (["n"], Parser(tokenize("if n <= 1 then 1 else n * fact(n - 1)")).expr())
FUNCS["fib"] = (["n"], Parser(tokenize("if n < 2 then n else fib(n - 1) + fib(n - 2)")).expr())
FUNCS["gcd"] = (["a", "b"], Parser(tokenize("if b == 0 then a else gcd(b, a % b)")).expr())
for src in ["1 + 2 * 3", "(1 + 2) * 3", "-4 + 10 / 3", "x * x - y", "fact(20)", "fib(15)", "gcd(1071, 462)",
            "if 3 < 2 then 100 else 200", "1 + ", "2 * (3 + 4", "z + 1", "10 / 0"]:
    try:
        print(f"{src:<28} => {run(src, {'x': 7, 'y': 9})}")
    except (SyntaxError, NameError, ZeroDivisionError) as e:
        print(f"{src:<28} !! {type(e).__name__}: {e}")
print(Parser(tokenize("a + b * -c")).expr())
