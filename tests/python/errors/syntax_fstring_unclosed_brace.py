# SyntaxError: an f-string with a single opening brace.
name = 'a'
x = f"{name"
