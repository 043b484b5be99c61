# Uncaught TypeError: iterating over an int in a for loop.
for x in 42:
    print(x)
