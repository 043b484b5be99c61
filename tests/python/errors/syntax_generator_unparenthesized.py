# SyntaxError: a generator expression that is not the sole argument needs parentheses.
print(x for x in range(3), 1)
