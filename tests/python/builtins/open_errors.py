# open misuse: missing files, a directory, bad modes, wrong types written, after close; nothing left behind.
import os

try:
    open("no_such_file_here.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.filename, e)
try:
    open("no_such_dir/file.txt", "w")
except FileNotFoundError as e:
    print(type(e).__name__, e)
try:
    open(".")
except IsADirectoryError as e:
    print(type(e).__name__, e)
print(issubclass(FileNotFoundError, OSError), issubclass(OSError, Exception), IOError is OSError)
for mode in ["rw", "z", "rr", "wa"]:
    try:
        open("open_errors.tmp", mode)
    except ValueError as e:
        print(type(e).__name__, e)
name = "open_errors.tmp"
with open(name, "w") as f:
    try:
        f.write(5)
    except TypeError as e:
        print(type(e).__name__, e)
    try:
        f.read()
    except Exception as e:
        print(type(e).__name__, e)
with open(name, "wb") as f:
    try:
        f.write("text")
    except TypeError as e:
        print(type(e).__name__, e)
try:
    with open(name) as f:
        raise KeyError("inside with")
except KeyError as e:
    print(type(e).__name__, e, f.closed)
try:
    f.readline()
except ValueError as e:
    print(type(e).__name__, e)
os.remove(name)
print(os.path.exists(name))
