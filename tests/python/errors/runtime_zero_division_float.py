# Uncaught ZeroDivisionError from float true division.
print(1.5 / 0)
