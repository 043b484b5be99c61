# Graph algorithms by hand on adjacency dicts: BFS shortest path, DFS
# order (recursive and iterative), Dijkstra with a sorted-list frontier,
# topological sort with cycle detection, and connected components.
graph = {"A": ["B", "C"], "B": ["D", "E"], "C": ["F"], "D": [], "E": ["F"], "F": ["G"], "G": [], "H": ["I"], "I": []}
def bfs_path(start, goal):
    frontier, parents = [start], {start: None}
    while frontier:
        node = frontier.pop(0)
        if node == goal:
            path = []
            while node:
                path.append(node)
                node = parents[node]
            return path[::-1]
        for nxt in graph[node]:
            if nxt not in parents:
                parents[nxt] = node
                frontier.append(nxt)
    return None
print(bfs_path("A", "G"), bfs_path("A", "E"), bfs_path("A", "H"), bfs_path("C", "C"))
def dfs_rec(node, seen=None):
    seen = [] if seen is None else seen
    seen.append(node)
    for nxt in graph[node]:
        if nxt not in seen:
            dfs_rec(nxt, seen)
    return seen
def dfs_iter(start):
    stack, seen = [start], []
    while stack:
        node = stack.pop()
        if node not in seen:
            seen.append(node)
            stack.extend(reversed(graph[node]))
    return seen
print(dfs_rec("A"), dfs_iter("A"), dfs_rec("A") == dfs_iter("A"))
weighted = {"s": {"a": 7, "b": 2}, "a": {"c": 1}, "b": {"a": 3, "c": 8}, "c": {"t": 2}, "t": {}}
def dijkstra(src):
    dist, frontier, done = {src: 0}, [(0, src)], set()
    while frontier:
        frontier.sort()
        d, node = frontier.pop(0)
        if node in done:
            continue
        done.add(node)
        for nxt, w in weighted[node].items():
            if d + w < dist.get(nxt, float("inf")):
                dist[nxt] = d + w
                frontier.append((d + w, nxt))
    return dist
print(dijkstra("s"), dijkstra("c"))
def toposort(g):
    state, order = {}, []
    def visit(n):
        if state.get(n) == "active":
            raise ValueError(f"cycle through {n}")
        if n not in state:
            state[n] = "active"
            for m in g[n]:
                visit(m)
            state[n] = "done"
            order.append(n)
    for n in g:
        visit(n)
    return order[::-1]
print(toposort(graph))
try:
    toposort({"x": ["y"], "y": ["z"], "z": ["x"]})
except ValueError as e:
    print("ValueError:", e)
undirected = {}
for a, outs in graph.items():
    undirected.setdefault(a, set())
    for b in outs:
        undirected[a].add(b)
        undirected.setdefault(b, set()).add(a)
components, seen = [], set()
for node in graph:
    if node not in seen:
        comp, stack = [], [node]
        while stack:
            n = stack.pop()
            if n not in seen:
                seen.add(n)
                comp.append(n)
                stack.extend(undirected[n] - seen)
        components.append(sorted(comp))
print(components)
