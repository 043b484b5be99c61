# SyntaxError: digits followed by letters.
x = 1abc
