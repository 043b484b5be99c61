# SyntaxError: a non-ASCII character that cannot start a token (a typographic quote).
print(“hello”)
