# Uncaught AssertionError without a message: the last line is just the class name.
x = 5
assert x > 0
print('first assert passed')
assert x < 0
