# An exception in a finally block replaces the one in flight.
try:
    print('try')
    raise ValueError('first')
finally:
    print('finally')
    raise KeyError('second')
