# Dict and set comprehensions: later keys overwrite earlier ones (keeping
# the first position), inversion, filtering, and nested comprehensions.
print({x: x * x for x in range(6)})
print({k: v for k, v in [("a", 1), ("b", 2), ("a", 3)]})
d = {"one": 1, "two": 2, "three": 3}
print({v: k for k, v in d.items()})
print({k: v for k, v in d.items() if v % 2})
print({x % 3: x for x in range(10)})
print(sorted({c for c in "mississippi"}), {x % 4 for x in range(100)}, {n * n for n in range(-3, 4)})
print({(i, j): i * j for i in range(3) for j in range(3) if i <= j})
print({w: len(w) for w in "a bb ccc bb".split()})
print({k: {i for i in range(k)} for k in range(4)})
print(type({x for x in ()}).__name__, type({x: x for x in ()}).__name__, {x: x for x in ()})
print(dict(sorted({"b": 2, "a": 1}.items())))
grid = {(r, c): "#" if (r + c) % 2 else "." for r in range(3) for c in range(3)}
print("\n".join("".join(grid[r, c] for c in range(3)) for r in range(3)))
