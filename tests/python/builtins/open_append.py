# open in append mode: creating, appending to existing content, 'a+' reading back, 'x' exclusive creation.
import os

name = "open_append.tmp"
if os.path.exists(name):
    os.remove(name)
with open(name, "a") as f:
    f.write("one\n")
with open(name, "a") as f:
    f.write("two\n")
    f.write("three\n")
with open(name) as f:
    print(f.read().splitlines())
with open(name, "a+") as f:
    f.write("four\n")
    f.seek(0)
    print(repr(f.read()))
with open(name, "r+") as f:
    f.write("ONE")
with open(name) as f:
    print(repr(f.read()))
try:
    open(name, "x")
except FileExistsError as e:
    print(type(e).__name__, e.errno == 17)
os.remove(name)
with open(name, "x") as f:
    f.write("exclusive")
with open(name) as f:
    print(f.read())
with open(name, "w") as f:
    pass
with open(name) as f:
    print(repr(f.read()))
os.remove(name)
print(os.path.exists(name))
