# Copying lists: slicing, list(), copy() and comprehension copies are
# shallow; a hand-written deep copy; equality versus identity after each.
orig = [1, [2, 3], {"k": [4]}]
copies = {"slice": orig[:], "list": list(orig), "copy": orig.copy(), "comp": [x for x in orig], "star": [*orig]}
for name, c in copies.items():
    print(name, c == orig, c is orig, c[1] is orig[1])
def deep(x):
    if isinstance(x, list):
        return [deep(v) for v in x]
    if isinstance(x, dict):
        return {k: deep(v) for k, v in x.items()}
    return x
d = deep(orig)
orig[1].append(99)
orig[2]["k"].append(100)
print(orig)
print(copies["slice"], d)
print(d == orig, d[1] is orig[1])
a = [0] * 3
b = a * 2
b[0] = 1
print(a, b)
nested = [[0] * 2] * 2
nested[0][0] = "x"
print(nested, nested[0] is nested[1])
