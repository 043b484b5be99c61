# Exceptions raised while handling exceptions: in an except block (chained
# as __context__), in else, in finally (replacing the in-flight one), a
# handler that calls a failing cleanup, and the exception variable being
# unbound after its handler.
def cleanup(fail):
    if fail:
        raise OSError("cleanup failed")
def process(mode):
    try:
        try:
            if mode != "ok":
                raise ValueError("work failed")
        except ValueError as e:
            cleanup(mode == "cleanup-fails")
            return f"handled {e}"
        else:
            if mode == "ok":
                raise LookupError("raised in else")
        finally:
            print(f"  finally for {mode}")
    except Exception as outer:
        ctx = outer.__context__
        return f"outer caught {type(outer).__name__}: {outer}; context={type(ctx).__name__ if ctx else None}"
for mode in ["fail", "cleanup-fails", "ok"]:
    print(mode, "->", process(mode))
def finally_replaces():
    try:
        raise KeyError("original")
    finally:
        raise TypeError("replacement")
try:
    finally_replaces()
except TypeError as e:
    print(repr(e), repr(e.__context__))
def name_unbound():
    e = "before"
    try:
        raise ValueError("x")
    except ValueError as e:
        pass
    try:
        return e
    except UnboundLocalError as err:
        return f"UnboundLocalError: {err}"
print(name_unbound())
