# SyntaxError: a dict literal never closed.
d = {'a': 1,
