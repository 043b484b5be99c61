# A string literal containing a Latin-1 byte that is not valid UTF-8: SyntaxError before anything runs.
print("start")
print("café")
