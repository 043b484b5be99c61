# KeyboardInterrupt raised and caught by except BaseException, then a normal exit status 0.
try:
    raise KeyboardInterrupt
except Exception:
    print('not caught here')
except BaseException as e:
    print('caught', type(e).__name__, repr(e))
print('after')
