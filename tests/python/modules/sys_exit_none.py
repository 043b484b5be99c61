# sys.exit() and sys.exit(None) exit with status 0; SystemExit can be caught and inspected first.
import sys

for arg in [(), (None,), (0,), (5,), ("text",), ((1, 2),)]:
    try:
        sys.exit(*arg)
    except SystemExit as e:
        print(repr(arg), repr(e.code), e.args)
print(issubclass(SystemExit, Exception), issubclass(SystemExit, BaseException))
try:
    raise SystemExit(7)
except BaseException as e:
    print(type(e).__name__, e.code)
print("exiting with None")
sys.exit(None)
