# Uncaught TypeError: unary minus on a string.
print(-'5')
