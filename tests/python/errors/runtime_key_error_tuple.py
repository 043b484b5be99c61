# Uncaught KeyError with a tuple key: the message shows the tuple.
grid = {(0, 0): 1}
print(grid[(1, 2)])
