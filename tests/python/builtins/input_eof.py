# input() on empty stdin: EOFError with its message; the prompt was still written to stdout.
import sys

try:
    line = input("prompt> ")
except EOFError as e:
    print()
    print(type(e).__name__, e)
print(repr(sys.stdin.readline()), repr(sys.stdin.read()))
for line in sys.stdin:
    print("never", line)
print("done")
