# SyntaxError: assignment to a comprehension.
[x for x in range(3)] = [1, 2, 3]
