# SyntaxError: an opening parenthesis never closed before the end of the file.
print('start')
value = (1 + 2
print(value)
