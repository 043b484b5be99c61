# Sets of tuples and frozensets as composite members: visited-state
# tracking, pair deduplication regardless of order via frozenset, and
# set comprehension over grid neighbours; printed via sorted().
visited = set()
pos = (0, 0)
moves = "RRUULDDDLLR"
delta = {"R": (1, 0), "L": (-1, 0), "U": (0, 1), "D": (0, -1)}
revisits = 0
for m in moves:
    visited.add(pos)
    pos = (pos[0] + delta[m][0], pos[1] + delta[m][1])
    if pos in visited:
        revisits += 1
print(len(visited), revisits, sorted(visited)[:5], pos)
edges = [("a", "b"), ("b", "a"), ("a", "c"), ("c", "a"), ("b", "c")]
undirected = {frozenset(e) for e in edges}
print(len(undirected), sorted(sorted(e) for e in undirected))
cells = {(1, 1), (1, 2), (2, 2)}
neighbours = {(x + dx, y + dy) for x, y in cells for dx in (-1, 0, 1) for dy in (-1, 0, 1)} - cells
print(len(neighbours), sorted(neighbours)[:6])
print((1, 2) in cells, (2, 1) in cells, {(1, 2)} < cells, cells & {(2, 2), (9, 9)})
