# try/except/else/finally in every combination: which blocks run with and
# without an exception, the first matching handler wins, bare except, and
# tuples of exception types.
def run(label, fail):
    print(label)
    try:
        print("  try")
        if fail:
            raise fail
        print("  try finished")
    except ValueError as e:
        print("  except ValueError", repr(e))
    except (KeyError, IndexError) as e:
        print("  except tuple", type(e).__name__)
    except Exception:
        print("  except Exception")
    else:
        print("  else")
    finally:
        print("  finally")
run("no error", None)
run("value", ValueError("v"))
run("key", KeyError("k"))
run("index", IndexError)
run("other", RuntimeError("r"))
try:
    pass
finally:
    print("try/finally only")
try:
    raise TypeError("t")
except:
    print("bare except caught")
try:
    x = 1
except ZeroDivisionError:
    print("not here")
else:
    print("else without finally", x)
def handler_order():
    try:
        raise KeyError("first match")
    except LookupError as e:
        return "LookupError handler " + str(e)
    except KeyError:
        return "never reached"
print(handler_order())
try:
    try:
        raise ValueError("inner")
    finally:
        print("inner finally before outer handler")
except ValueError as e:
    print("outer caught", e)
try:
    raise ValueError("exception variable is cleared")
except ValueError as err:
    pass
try:
    err
except NameError as e:
    print(type(e).__name__, e)
