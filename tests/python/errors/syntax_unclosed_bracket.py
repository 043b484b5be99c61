# SyntaxError: a list literal never closed.
items = [1, 2,
         3, 4
