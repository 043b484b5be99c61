# SyntaxError: an f-string whose expression is incomplete.
x = f"{1 +}"
