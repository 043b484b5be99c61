# SyntaxError: a triple-quoted string never closed.
doc = """starts here
and goes on
print(doc)
