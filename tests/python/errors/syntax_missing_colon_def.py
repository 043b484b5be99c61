# SyntaxError: a def header without its colon.
def f(a, b)
    return a + b
