# min/max misuse: empty sequences, no arguments, incomparable values, default with several args.
for f in (min, max):
    try:
        f([])
    except ValueError as e:
        print(type(e).__name__, e)
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)
    try:
        f(5)
    except TypeError as e:
        print(type(e).__name__, e)
    try:
        f(1, "a")
    except TypeError as e:
        print(type(e).__name__, e)
    try:
        f(1, 2, default=0)
    except TypeError as e:
        print(type(e).__name__, e)
    try:
        f([1, 2], key=5)
    except TypeError as e:
        print(type(e).__name__, e)
    try:
        f([1, None])
    except TypeError as e:
        print(type(e).__name__, e)
    try:
        f([1], foo=1)
    except TypeError as e:
        print(type(e).__name__, e)
    print(f([7]), f("z"), f([], default=[]))
