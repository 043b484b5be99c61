# Re-raising: bare `raise` in a handler re-raises the current exception
# unchanged, raise e keeps the same object, bare raise outside a handler is
# a RuntimeError, and handlers nested in handlers restore the outer one.
def reraise():
    try:
        raise ValueError("original")
    except ValueError:
        print("  logging and re-raising")
        raise
try:
    reraise()
except ValueError as e:
    print("outer got", repr(e))
saved = None
try:
    try:
        raise KeyError("same object")
    except KeyError as e:
        saved = e
        raise e
except KeyError as e2:
    print(e2 is saved)
try:
    raise
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    try:
        raise ValueError("outer")
    except ValueError:
        try:
            raise TypeError("inner")
        except TypeError:
            pass
        raise
except ValueError as e:
    print("restored outer:", repr(e))
def conditional(n):
    try:
        1 / n
    except ZeroDivisionError as e:
        if n == 0:
            raise
        return "unreachable"
    return "fine"
print(conditional(1))
try:
    conditional(0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
def transform():
    try:
        [][1]
    except IndexError as e:
        raise KeyError(*e.args)
try:
    transform()
except KeyError as e:
    print(repr(e), type(e.__context__).__name__)
