# A report formatted three ways — %-formatting, str.format and f-strings —
# which must produce identical tables, with alignment, grouping and
# percentages.
rows = [("North", 1234567.891, 0.1234), ("South", 98765.4, 0.05), ("East", 0.5, 1.0), ("West", -4321.0, -0.025)]
print("%-8s %15s %8s" % ("region", "revenue", "share"))
for r, rev, share in rows:
    print("%-8s %15.2f %7.1f%%" % (r, rev, share * 100))
print("{:<8} {:>15} {:>8}".format("region", "revenue", "share"))
for r, rev, share in rows:
    print("{:<8} {:>15,.2f} {:>8.1%}".format(r, rev, share))
print(f"{'region':<8} {'revenue':>15} {'share':>8}")
for r, rev, share in rows:
    print(f"{r:<8} {rev:>15,.2f} {share:>8.1%}")
total = sum(rev for _, rev, _ in rows)
print(f"{'TOTAL':=^33}")
print(f"{total:>24,.3f}", "%24.3f" % total, "{:>24_.3f}".format(total))
