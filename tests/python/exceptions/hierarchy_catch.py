# Catching through the builtin hierarchy: LookupError catches KeyError and
# IndexError, ArithmeticError catches ZeroDivisionError and OverflowError,
# Exception does not catch KeyboardInterrupt or SystemExit, BaseException does.
cases = [
    ("KeyError", lambda: {}["k"]),
    ("IndexError", lambda: [][0]),
    ("ZeroDivisionError", lambda: 1 // 0),
    ("OverflowError", lambda: 2.0 ** 5000),
    ("ValueError", lambda: int("x")),
    ("UnicodeDecodeError", lambda: b"\xff".decode()),
    ("AttributeError", lambda: None.x),
    ("NameError", lambda: undefined_name),
    ("TypeError", lambda: 1 + "a"),
    ("RecursionError", None),
    ("StopIteration", lambda: next(iter([]))),
]
def rec():
    return rec()
for name, fn in cases:
    try:
        (fn or rec)()
    except LookupError as e:
        print(name, "-> LookupError", type(e).__name__)
    except ArithmeticError as e:
        print(name, "-> ArithmeticError", type(e).__name__)
    except ValueError as e:
        print(name, "-> ValueError", type(e).__name__, isinstance(e, UnicodeError))
    except RuntimeError as e:
        print(name, "-> RuntimeError", type(e).__name__)
    except Exception as e:
        print(name, "-> Exception", type(e).__name__)
for exc in [KeyboardInterrupt, SystemExit, GeneratorExit]:
    try:
        try:
            raise exc
        except Exception:
            print("not caught by Exception")
    except BaseException as e:
        print(type(e).__name__, "caught by BaseException", isinstance(e, Exception))
try:
    raise NotImplementedError("todo")
except RuntimeError as e:
    print("NotImplementedError is a RuntimeError:", e)
try:
    raise UnboundLocalError("u")
except NameError as e:
    print("UnboundLocalError is a NameError:", type(e).__name__)
try:
    raise FileNotFoundError("f")
except OSError as e:
    print("FileNotFoundError is an OSError:", type(e).__name__)
print(issubclass(IndentationError, SyntaxError), issubclass(TabError, IndentationError), issubclass(ModuleNotFoundError, ImportError))
