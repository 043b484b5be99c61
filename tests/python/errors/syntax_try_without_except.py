# SyntaxError: a try block with neither except nor finally.
try:
    x = 1
print(x)
