# SyntaxError: a statement inside a lambda body.
f = lambda: return 1
