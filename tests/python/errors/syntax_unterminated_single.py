# SyntaxError: a single-quoted string with no end on its line.
name = 'Bob
