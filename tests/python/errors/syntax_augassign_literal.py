# SyntaxError: augmented assignment to a list display.
[a, b] += [1]
