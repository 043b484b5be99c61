# An uncaught exception ten frames deep.
def level(n):
    if n == 0:
        raise OverflowError('bottom reached')
    return level(n - 1)


level(10)
