# Roman numeral conversion both ways with validation: a table-driven
# encoder, a decoder using subtractive pairs, round trips for 1..3999, and
# the errors for malformed numerals and out-of-range values.
TABLE = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
         (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
def to_roman(n):
    if not isinstance(n, int) or isinstance(n, bool):
        raise TypeError(f"expected int, got {type(n).__name__}")
    if not 0 < n < 4000:
        raise ValueError(f"{n} is out of range 1..3999")
    out = []
    for value, sym in TABLE:
        count, n = divmod(n, value)
        out.append(sym * count)
    return "".join(out)
def from_roman(s):
    if not s or any(c not in VALUES for c in s):
        raise ValueError(f"invalid numeral {s!r}")
    total = 0
    for i, c in enumerate(s):
        v = VALUES[c]
        if i + 1 < len(s) and VALUES[s[i + 1]] > v:
            total -= v
        else:
            total += v
    if to_roman(total) != s:
        raise ValueError(f"non-canonical numeral {s!r} (canonical {to_roman(total)!r})")
    return total
for n in [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999, 3888]:
    print(n, to_roman(n), from_roman(to_roman(n)))
print(all(from_roman(to_roman(n)) == n for n in range(1, 4000)))
print(max(range(1, 4000), key=lambda n: len(to_roman(n))), sum(len(to_roman(n)) for n in range(1, 4000)))
for bad in [0, 4000, -5, 2.5, True]:
    try:
        to_roman(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
for bad in ["", "IIII", "IC", "MMMM", "abc", "VX", "XIIX"]:
    try:
        print(from_roman(bad))
    except ValueError as e:
        print(type(e).__name__, e)
