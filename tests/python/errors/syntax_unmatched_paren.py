# SyntaxError: a closing parenthesis with no opening one.
x = 1)
