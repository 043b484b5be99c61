# f-strings inside f-strings and in loops, building tables with computed
# widths, and formatting expressions with method calls and indexing.
rows = [("apple", 1.5, 10), ("banana", 0.25, 120), ("cherry", 12.0, 3)]
w = max(len(r[0]) for r in rows)
print(f"{'name':<{w}} | {'price':>7} | {'qty':>4}")
print(f"{'-' * w}-+-{'-' * 7}-+-{'-' * 4}")
for name, price, qty in rows:
    print(f"{name:<{w}} | {price:>7.2f} | {qty:>4d}")
total = sum(p * q for _, p, q in rows)
print(f"{'total':<{w}} | {total:>7.2f} |")
print(f"{f'{1 + 1}'} {f'{3}' if False else 'nest'}")
inner = f"{'inner'}"
print(f"outer({inner}) len={len(f'{inner}{inner}')}")
for i in range(1, 4):
    print(f"{i:>{i}}|{'#' * i:<3}|{i ** i:0{i + 1}d}")
