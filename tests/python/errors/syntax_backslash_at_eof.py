# SyntaxError: a line continuation backslash on the last line.
x = 1 + \
