# Deeply nested data (100000 levels) built by a loop: repr and == raise RecursionError, not a crash.
deep = []
cur = deep
for _ in range(100000):
    nxt = []
    cur.append(nxt)
    cur = nxt
try:
    repr(deep)
except RecursionError as e:
    print("repr", type(e).__name__)
other = []
cur = other
for _ in range(100000):
    nxt = []
    cur.append(nxt)
    cur = nxt
try:
    deep == other
except RecursionError as e:
    print("==", type(e).__name__)
d = {}
cur = d
for _ in range(100000):
    cur["k"] = {}
    cur = cur["k"]
try:
    str(d)
except RecursionError as e:
    print("dict str", type(e).__name__)
depth = 0
cur = deep
while cur:
    cur = cur[0]
    depth += 1
print(depth)
