# SyntaxError: a string literal missing its closing quote.
s = "abc
print(s)
