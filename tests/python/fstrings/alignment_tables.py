# f-string alignment for tables with non-ASCII text: width counts code
# points, fill characters, centered headers, and right-aligned numbers.
rows = [("Zürich", 415367, 87.88), ("São Paulo", 12325232, 1521.11), ("東京", 13960000, 2194.07), ("Oslo", 697010, 454.0)]
header = f"{'city':^12}|{'population':>12}|{'area km²':>10}"
print(header)
print("-" * len(header))
for city, pop, area in rows:
    print(f"{city:<12}|{pop:>12,}|{area:>10.1f}")
print(f"{'':=^36}")
print(f"{'total':<12}|{sum(r[1] for r in rows):>12,}|{sum(r[2] for r in rows):>10.1f}")
for city, *_ in rows:
    print(f"[{city:*^11}] [{city:.3}] len={len(city)}")
