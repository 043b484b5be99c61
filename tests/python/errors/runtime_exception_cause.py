# Uncaught exception raised from another (__cause__): both tracebacks print, the last line is the new one.
def load(text):
    try:
        return int(text)
    except ValueError as e:
        raise RuntimeError('could not load ' + repr(text)) from e


load('x1')
