# SyntaxError: an octal literal with the digit 8.
x = 0o18
