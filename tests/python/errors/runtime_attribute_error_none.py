# Uncaught AttributeError on None (a common bug: using a function's None result).
result = [3, 1, 2].sort()
print(result.append(4))
