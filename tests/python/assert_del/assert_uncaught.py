# An uncaught failed assert: stdout before it is kept, stderr ends with
# "AssertionError: <message>" and the exit status is 1.
values = [3, 1, 2]
print("sorting", values)
result = sorted(values)
assert result == [1, 2, 3], "sort is broken"
print("sorted ok")
assert len(result) == 4, f"expected 4 items, got {len(result)}"
print("not reached")
