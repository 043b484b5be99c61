# Reading a file by lines: iteration, readlines, readline at EOF, no trailing newline, writelines, enumerate.
import os

name = "open_lines.tmp"
with open(name, "w") as f:
    f.writelines(["alpha\n", "beta\n", "\n", "gamma"])
with open(name) as f:
    for line in f:
        print(repr(line))
with open(name) as f:
    print(f.readlines())
with open(name) as f:
    print([l.rstrip("\n") for l in f])
with open(name) as f:
    for i, line in enumerate(f, 1):
        print(i, line.strip().upper())
with open(name) as f:
    first = next(f)
    rest = list(f)
    print(repr(first), rest)
with open(name) as f:
    while True:
        line = f.readline()
        if not line:
            break
        print(len(line), end=" ")
    print()
with open(name) as f:
    print(sum(1 for _ in f), f.readline() == "")
with open(name) as f:
    print(f.readlines(7))
with open(name, "w") as f:
    for i in range(5):
        print("row", i, file=f)
with open(name) as f:
    print(f.read().split("\n"))
os.remove(name)
print(os.path.exists(name))
