# Conway's Game of Life on a small torus: a glider and a blinker stepped
# with sets of coordinate tuples, printed as text frames, with population
# counts and period detection.
def step(live, w, h):
    counts = {}
    for (x, y) in live:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if dx or dy:
                    key = ((x + dx) % w, (y + dy) % h)
                    counts[key] = counts.get(key, 0) + 1
    return {cell for cell, n in counts.items() if n == 3 or (n == 2 and cell in live)}
def show(live, w, h):
    return "\n".join("".join("#" if (x, y) in live else "." for x in range(w)) for y in range(h))
W, H = 8, 6
glider = {(1, 0), (2, 1), (0, 2), (1, 2), (2, 2)}
state = glider
for gen in range(5):
    print(f"generation {gen}, population {len(state)}")
    print(show(state, W, H))
    state = step(state, W, H)
blinker = {(1, 2), (2, 2), (3, 2)}
seen = {}
s = frozenset(blinker)
for gen in range(10):
    if s in seen:
        print("blinker repeats: generation", gen, "equals", seen[s])
        break
    seen[s] = gen
    s = frozenset(step(set(s), 5, 5))
g = glider
for _ in range(4 * W):
    g = step(g, W, H)
print("glider after", 4 * W, "steps:", sorted(g))
