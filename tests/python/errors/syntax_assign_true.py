# SyntaxError: assignment to the keyword constant True.
True = 1
