# Uncaught exception raised while handling another (__context__).
try:
    {}['missing']
except KeyError:
    print('handling KeyError')
    raise TypeError('while handling')
