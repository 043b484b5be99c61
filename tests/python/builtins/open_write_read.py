# open: write then read a text file in the current directory; write returns counts; modes; remove at the end.
import os

name = "open_write_read.tmp"
f = open(name, "w")
print(f.write("first line\n"), f.write("second\n"), f.write(""), f.write("héllo ✓\n"))
print(f.closed, f.name, f.mode)
f.close()
print(f.closed)
with open(name) as f:
    data = f.read()
print(repr(data), len(data))
with open(name, "r") as f:
    print(repr(f.read(5)), repr(f.read(0)), repr(f.read(6)), repr(f.read()), repr(f.read()))
with open(name, encoding="utf-8") as f:
    print(repr(f.readline()), repr(f.readline(3)), repr(f.readline()), repr(f.readline()), repr(f.readline()))
with open(name, "w") as f:
    f.write("truncated")
with open(name) as f:
    print(repr(f.read()))
with open(name, "rb") as f:
    print(f.read())
with open(name, "wb") as f:
    print(f.write(b"\x00\x01bin"))
with open(name, "rb") as f:
    print(f.read(), f.read())
try:
    with open(name) as f:
        f.write("x")
except Exception as e:
    print(type(e).__name__)
f = open(name)
f.close()
try:
    f.read()
except ValueError as e:
    print(type(e).__name__, e)
try:
    open(name, "q")
except ValueError as e:
    print(type(e).__name__, e)
with open(name, "w") as f:
    f.write("a\r\nb\rc\n")
with open(name, newline="") as f:
    print(repr(f.read()))
with open(name) as f:
    print(repr(f.read()))
os.remove(name)
print(os.path.exists(name))
