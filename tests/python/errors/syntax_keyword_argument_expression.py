# SyntaxError: an expression as a keyword argument's name.
print(1, x + 1=2)
