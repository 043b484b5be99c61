# Numbers rendered by f-strings: int and float defaults, big ints, thousands
# separators, percent, exponent, and the difference between a float's str
# and its format with an empty spec versus 'g'.
values = [0, 7, -12345678, 2 ** 64, 0.1, 1 / 3, 1e16, 1.5e-7, -0.0, 100.0]
for v in values:
    print(f"{v}|{v!r}|{v:}|{v:g}|{v:,}|{v:e}" if isinstance(v, float) else f"{v}|{v:,}|{v:_}|{v:e}|{v:%}|{v:x}")
price, qty = 19.99, 3
print(f"total: {price * qty:.2f} ({qty} x {price})")
print(f"{123.456:.1f} {123.456:.0f} {0.5:.0f} {1.5:.0f} {2.5:.0f} {-2.5:.0f}")
print(f"{1e300 * 10} {-1e300 * 10} {float('nan')} {10 ** 20} {10.0 ** 20}")
