# SyntaxError: Python 2 print statement with a name.
message = 'hi'
print message
