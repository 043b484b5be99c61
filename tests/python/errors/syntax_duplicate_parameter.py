# SyntaxError: the same parameter name twice in a def.
def f(a, b, a):
    return a
