# SyntaxError: continue outside a loop (inside a function but not a loop).
def f():
    continue
