# SyntaxError: a non-ASCII character in a bytes literal.
b = b"café"
