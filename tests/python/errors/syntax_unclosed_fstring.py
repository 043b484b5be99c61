# SyntaxError: an f-string missing its closing quote.
name = 'x'
print(f"hello {name})
