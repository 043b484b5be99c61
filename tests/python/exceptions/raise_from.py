# Exception chaining: raise ... from sets __cause__ and
# __suppress_context__; raising inside a handler sets __context__
# implicitly; `from None` suppresses the context.
def implicit():
    try:
        {}["missing"]
    except KeyError:
        raise ValueError("while handling")
try:
    implicit()
except ValueError as e:
    print(repr(e), repr(e.__context__), e.__cause__, e.__suppress_context__)
def explicit():
    try:
        int("x")
    except ValueError as err:
        raise RuntimeError("conversion failed") from err
try:
    explicit()
except RuntimeError as e:
    print(repr(e), type(e.__cause__).__name__, e.__cause__, e.__context__ is e.__cause__, e.__suppress_context__)
def suppressed():
    try:
        1 / 0
    except ZeroDivisionError:
        raise LookupError("clean") from None
try:
    suppressed()
except LookupError as e:
    print(repr(e), e.__cause__, type(e.__context__).__name__, e.__suppress_context__)
try:
    raise TypeError("a") from ValueError("b")
except TypeError as e:
    print(repr(e), repr(e.__cause__), e.__context__)
try:
    try:
        raise ValueError(1)
    except ValueError:
        try:
            raise KeyError(2)
        except KeyError:
            raise IndexError(3)
except IndexError as e:
    chain = []
    cur = e
    while cur is not None:
        chain.append(repr(cur))
        cur = cur.__context__
    print(chain)
try:
    raise ValueError("x") from 5
except TypeError as e:
    print(type(e).__name__, e)
e = ValueError("manual")
e.__cause__ = KeyError("set by hand")
print(repr(e.__cause__), e.__suppress_context__)
