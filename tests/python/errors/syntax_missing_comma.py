# SyntaxError: two list items with no comma between them.
items = [1, 2 3]
