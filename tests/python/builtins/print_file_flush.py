# print: file= (sys.stdout, an object with write, a file), flush=, str() of the arguments.
import sys


class Collector:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)


c = Collector()
print("hello", "world", file=c)
print(1, 2, sep="+", end="=3\n", file=c)
print(c.parts)
print("to stdout", file=sys.stdout)
print("to None means stdout", file=None)
print("flushed", flush=True)
print("not flushed", flush=False)


class Custom:
    def __str__(self):
        return "custom-str"

    def __repr__(self):
        return "custom-repr"


print(Custom(), [Custom()])
try:
    print("x", file=42)
except AttributeError as e:
    print(type(e).__name__, e)
with open("print_file_flush.tmp", "w") as f:
    print("into a file", 7, file=f)
    print("second", file=f, end="")
with open("print_file_flush.tmp") as f:
    print(repr(f.read()))
import os
os.remove("print_file_flush.tmp")
print(os.path.exists("print_file_flush.tmp"))
