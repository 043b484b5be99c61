# Format specs in f-strings: fill/align/sign/width/precision/grouping/type
# on ints, floats and strings, with nested replacement fields in the spec.
for v in [0, 7, -7, 1234567]:
    print(f"[{v:8}] [{v:<8}] [{v:^8}] [{v:>8}] [{v:+}] [{v: }] [{v:=+8}] [{v:08}] [{v:,}] [{v:_}] [{v:#x}] [{v:#o}] [{v:#b}]")
for v in [0.0, 3.14159, -2.5, 1e10, 1.5e-7]:
    print(f"[{v:10.3f}] [{v:<10.2e}] [{v:^10g}] [{v:+.1f}] [{v:.0%}] [{v:,.2f}] [{v:G}]")
for s in ["", "ab", "longer text"]:
    print(f"[{s:5}] [{s:>5}] [{s:^6}] [{s:*^9}] [{s:.3}] [{s:>8.2}]")
width, prec = 12, 4
print(f"[{3.14159265:{width}.{prec}f}] [{'x':{'-'}^{width}}] [{42:{'0'}{width}d}]")
print(f"[{1234.5:_>12,.1f}] [{-0.0:.1f}] [{True:d}] [{True}] [{65:c}] [{255:X}] [{255:#X}]")
try:
    f"{'s':d}"
except ValueError as e:
    print(type(e).__name__, e)
try:
    f"{3.5:d}"
except ValueError as e:
    print(type(e).__name__, e)
try:
    f"{5:.2s}"
except ValueError as e:
    print(type(e).__name__, e)
