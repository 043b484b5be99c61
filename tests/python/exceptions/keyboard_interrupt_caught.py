# KeyboardInterrupt and other BaseExceptions raised by the program itself
# can be caught explicitly; except Exception does not catch them.
for exc in (KeyboardInterrupt("ctrl-c"), SystemExit(5), GeneratorExit()):
    try:
        try:
            raise exc
        except Exception:
            print("wrongly caught")
    except BaseException as e:
        print("caught", type(e).__name__, repr(e))
