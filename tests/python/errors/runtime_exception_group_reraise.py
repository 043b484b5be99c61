# A caught exception re-raised with bare raise keeps its type and message.
try:
    int('bad')
except ValueError:
    print('logging and re-raising')
    raise
