# Uncaught AssertionError with a message built at run time.
def check(v):
    assert v % 2 == 0, 'expected even, got %d' % v


check(4)
check(7)
