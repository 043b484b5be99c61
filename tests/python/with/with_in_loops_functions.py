# with inside loops, generators and recursive functions: __exit__ runs on
# every exit path — normal, continue, break, return, exception, and a
# generator being closed while suspended inside the with block.
class Track:
    depth = 0
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        Track.depth += 1
        print("  " * Track.depth + f"enter {self.name}")
        return self
    def __exit__(self, et, ev, tb):
        print("  " * Track.depth + f"exit {self.name}" + (f" ({et.__name__})" if et else ""))
        Track.depth -= 1
for i in range(4):
    with Track(f"loop{i}"):
        if i == 1:
            continue
        if i == 3:
            break
def recurse(n):
    with Track(f"level{n}"):
        if n == 0:
            raise ValueError("bottom")
        return recurse(n - 1)
try:
    recurse(2)
except ValueError as e:
    print("caught", e, "depth", Track.depth)
def gen():
    with Track("gen"):
        yield 1
        yield 2
g = gen()
print(next(g))
g.close()
print("depth after close", Track.depth)
