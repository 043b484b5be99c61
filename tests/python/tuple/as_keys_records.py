# Tuples as records and dict keys: grouping by composite keys, sorting by
# several fields, counting pairs, and tuples of tuples as immutable tables.
sales = [("north", "q1", 100), ("south", "q1", 80), ("north", "q2", 120), ("south", "q2", 95), ("north", "q1", 30)]
totals = {}
for region, quarter, amount in sales:
    totals[region, quarter] = totals.get((region, quarter), 0) + amount
print(totals)
print(sorted(totals.items(), key=lambda kv: (-kv[1], kv[0])))
print(sorted(sales), sorted(sales, key=lambda s: (s[1], -s[2])))
coords = {(0, 0): "origin", (1, 0): "east", (0, 1): "north"}
print(coords[0, 0], coords.get((1, 1), "?"), (0, 1) in coords, sorted(coords))
pairs = [(a, b) for a in range(3) for b in range(3) if a != b]
print(len(pairs), pairs[:4], (2, 1) in pairs)
table = ((1, "one"), (2, "two"), (3, "three"))
print(dict(table), [name for _, name in table], max(table), min(table, key=lambda t: len(t[1])))
print(tuple(sorted({(2, "b"), (1, "z"), (1, "a")})))
point = (3, 4)
x, y = point
print((x ** 2 + y ** 2) ** 0.5, point * 2, point + (5,), point[::-1])
