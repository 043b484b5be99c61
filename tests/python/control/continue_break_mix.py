# continue and break together in the same loop, inside try/finally and
# inside nested ifs; counting how many times each path runs.
stats = {"skipped": 0, "processed": 0, "finally": 0}
for n in range(20):
    try:
        if n % 3 == 0:
            stats["skipped"] += 1
            continue
        if n > 14:
            break
        stats["processed"] += 1
    finally:
        stats["finally"] += 1
print(stats, n)
out = []
i = 0
while True:
    i += 1
    if i % 2:
        if i > 9:
            break
        continue
    out.append(i)
print(out, i)
def scan(lines):
    result = []
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if line == "END":
            break
        if line.startswith("#"):
            continue
        result.append(line.upper())
    return result
print(scan(["a", "  ", "# c", "b", "END", "z"]))
