# sys.exit inside nested calls and a with block: __exit__ runs, except Exception does not catch it.
import sys


class Ctx:
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, *exc):
        print("exit with", exc[0].__name__)
        return False


def inner():
    with Ctx():
        sys.exit(42)


def outer():
    try:
        inner()
    except Exception:
        print("not reached: SystemExit is not an Exception")


outer()
