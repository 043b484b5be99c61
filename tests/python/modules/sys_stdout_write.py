# sys.stdout.write: returns the count, no newline added, mixes in order with print; non-str argument error.
import sys

n = sys.stdout.write("no newline")
sys.stdout.write("\n")
print(n)
print(sys.stdout.write("héllo ✓\n"))
sys.stdout.write("a")
print("b", end="")
sys.stdout.write("c\n")
print(sys.stdout.write(""))
try:
    sys.stdout.write(5)
except TypeError as e:
    print(type(e).__name__, e)
sys.stdout.flush()
print(hasattr(sys.stderr, "write"), hasattr(sys.stdin, "readline"), sys.stdout is sys.__stdout__)
out = sys.stdout
sys.stdout.writelines(["x\n", "y\n"])
print(out.encoding.lower().replace("-", ""))
