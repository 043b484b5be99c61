# raise ... from None suppresses the context; the last line is the new exception.
try:
    [][0]
except IndexError:
    raise LookupError('nothing there') from None
