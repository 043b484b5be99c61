# SystemExit raised in a function runs the finally blocks of every frame on its way out.
import sys


def inner():
    try:
        sys.exit(4)
    finally:
        print('inner finally')


try:
    inner()
finally:
    print('outer finally')
