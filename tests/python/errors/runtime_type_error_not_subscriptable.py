# Uncaught TypeError: indexing None.
result = None
print(result[0])
