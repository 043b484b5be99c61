# SyntaxError: a parenthesis closed by a bracket.
z = (1, 2]
