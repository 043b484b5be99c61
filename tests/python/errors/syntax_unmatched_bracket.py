# SyntaxError: a closing bracket with no opening one.
print('x')
y = [1, 2]]
