# Uncaught TypeError: calling an int.
count = 5
print(count())
