def g():
    if x:

