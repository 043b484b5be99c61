# open beyond plain read/write: '+' modes, seek/tell/truncate, binary lines, newline= choices, reprs and attributes.
import os

name = "open_modes.tmp"
with open(name, "w+") as f:
    print(f.write("hello\nworld\n"), f.tell())
    print(f.seek(0), repr(f.readline()), f.tell())
    print(f.seek(0, 2), repr(f.read()))
    f.seek(6)
    print(f.truncate(), f.tell())
    f.seek(0)
    print(repr(f.read()), f.readable(), f.writable(), f.seekable())
with open(name, "r+") as f:
    print(repr(f.read(2)), f.tell())
    f.seek(f.tell())
    f.write("LL")
    f.seek(0)
    print(repr(f.read()))
    print(f.truncate(3), repr(f.read()), f.tell())
with open(name, "wb+") as f:
    print(f.write(b"line one\nline two\r\nlast"), f.tell())
    print(f.seek(-4, 2), f.read(), f.seek(-3, 1), f.read(2))
    f.seek(0)
    print(f.readline(), f.readline(4), list(f))
    f.seek(0)
    print(f.readlines(), f.mode, f.readable(), f.writable())
with open(name, "rb") as f:
    print([line for line in f], f.mode, f.closed)
print(f.closed)
with open(name, "ab") as f:
    print(f.tell(), f.write(b"!"), f.tell(), f.mode)
for newline in [None, "", "\n", "\r", "\r\n"]:
    with open(name, "w", newline=newline) as f:
        f.write("a\nb\r\nc\rd")
    with open(name, "rb") as f:
        raw = f.read()
    with open(name, newline=newline) as f:
        lines = list(f)
    print(repr(newline), raw, lines)
with open(name, "w", encoding="utf-8") as f:
    f.write("é✓\U0001f600x\n" * 3000)
with open(name, encoding="utf-8") as f:
    text = f.read(8190)
    print(len(text), repr(text[-4:]), repr(f.readline()), f.tell())
    print(len(f.readlines()), repr(f.read()))
with open(name, "w") as f:
    f.write("ab\ncd\n")
with open(name) as f:
    print(repr(f.readline(1)), repr(f.readline(5)), f.tell(), repr(f.read(1)), f.tell())
    print(iter(f) is f, repr(next(f)), next(f, "end"))
    print(f.read(None), f.readline(-1) == "", f.readlines(None), f.read(-5) == "")
for mode in ["r", "rt", "w+", "a+", "rb", "r+b", "w+b", "xb"]:
    if mode.startswith("x"):
        os.remove(name)
    with open(name, mode) as f:
        print(repr(mode), f.mode, f.name, repr(f).replace(" name='open_modes.tmp'", ""))
with open(name, "w") as f:
    print(f.encoding, f.errors, f.isatty())
with open(name, "w", encoding="UTF8") as f:
    print(f.encoding)
for mode in ["", "+", "b", "rbt", "r++", "rU", "x+"]:
    try:
        open(name, mode)
    except (ValueError, OSError) as e:
        print(repr(mode), type(e).__name__, e)
for kwargs in [{"mode": "rb", "encoding": "utf-8"}, {"mode": "rb", "errors": "strict"}, {"mode": "rb", "newline": ""},
               {"newline": "x"}, {"encoding": "nope"}, {"newline": 5}, {"mode": 5}]:
    try:
        open(name, **kwargs)
    except (ValueError, TypeError, LookupError) as e:
        print(type(e).__name__, e)
with open(name) as f:
    for call in [lambda: f.seek(1, 1), lambda: f.seek(1, 2), lambda: f.seek(-1), lambda: f.read("x"), lambda: f.truncate()]:
        try:
            call()
        except Exception as e:
            print(type(e).__name__, e)
with open(name, "rb") as f:
    for call in [lambda: f.write(b"x"), lambda: f.seek(-1)]:
        try:
            call()
        except Exception as e:
            print(type(e).__name__, e)
with open(name, "wb") as f:
    for call in [lambda: f.read(), lambda: f.write(5), lambda: f.writelines(["s"])]:
        try:
            call()
        except Exception as e:
            print(type(e).__name__, e)
for call in [f.read, f.readline, f.tell, lambda: f.seek(0), lambda: f.write(b"")]:
    try:
        call()
    except ValueError as e:
        print(type(e).__name__, e)
with open(name, "wb") as f:
    f.write(b"ok\xff\n")
with open(name) as f:
    try:
        f.read()
    except UnicodeDecodeError as e:
        print(type(e).__name__, e)
for mode in ["w", "rb", "wb", "ab", "rb+"]:
    with open(name, mode) as f:
        print(mode, type(f).__name__)
with open(name, "rb") as f:
    print(hasattr(f, "encoding"), hasattr(f, "mode"))
os.remove(name)
print(os.path.exists(name))
