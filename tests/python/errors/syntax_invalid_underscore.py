# SyntaxError: a numeric literal with a doubled underscore.
x = 1__000
