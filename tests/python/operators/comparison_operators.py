# Comparison operators across the builtin types: numbers of mixed kinds,
# strings, sequences of different lengths, sets as partial orders, None
# and mixed types (== works, ordering raises).
pairs = [(1, 1.0), (1, 2), (2.5, 2), ("a", "b"), ("abc", "abd"), ([1, 2], [1, 2, 3]), ((1, 2), (1, 1)),
         ({1}, {1, 2}), ({1, 2}, {2, 3}), (b"a", b"b"), (True, 1), (None, None)]
for a, b in pairs:
    row = [repr(a), repr(b), a == b, a != b]
    for op in ("<", "<=", ">", ">="):
        try:
            row.append(eval(f"a {op} b"))
        except TypeError:
            row.append("TypeError")
    print(*row)
for a, b in [(1, "1"), ([1], (1,)), (None, 0), ({}, [])]:
    print(repr(a), repr(b), a == b, a != b)
    try:
        a < b
    except TypeError as e:
        print("  ", e)
