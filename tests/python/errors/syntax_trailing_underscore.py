# SyntaxError: a numeric literal ending in an underscore.
x = 100_
