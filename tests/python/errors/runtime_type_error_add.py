# Uncaught TypeError: adding a str and an int.
print('count: ' + 3)
