# Uncaught IndexError: string index out of range.
print('abc'[10])
