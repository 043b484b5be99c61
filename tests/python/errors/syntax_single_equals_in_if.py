# SyntaxError: '=' where a comparison was meant.
x = 1
if x = 1:
    pass
