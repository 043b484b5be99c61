# SyntaxError: an if header without its colon.
x = 2
if x > 1
    print('big')
