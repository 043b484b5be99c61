# Uncaught ZeroDivisionError from the modulo operator.
print(10 % 0)
