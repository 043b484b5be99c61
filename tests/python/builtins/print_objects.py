# print of nested containers and numbers: str of floats inside lists uses repr, dict order, bools.
print([1.0, 0.1, 1e100, -0.0], (0.5,), {1.5: 2.25}, {"a": [1, {"b": (2,)}]})
print(1.0, 0.1, 1e100, 1e-100, 123.0, 1e15, 1e16, 12345678.9, 0.000123, float(2**60))
print(["s", 's"q', "s'q"], {"k": "v"}, ("t",), [None, True, False])
print([[]], [()], [{}], [set()], [[1, [2, [3, [4]]]]])
print({3: "c", 1: "a", 2: "b"}, {True: 1, None: 2})
print("%s %r %d %5.2f %-4s| %x %o %e %%" % ("s", "s", 42, 3.14159, "ab", 255, 8, 12345.678))
print("{} {!r} {:>5} {:.3} {:,}".format("s", "s", "ab", 3.14159, 10**7))
print(f"{'nested'!r:>12} {3.0:g} {10**6:_} {0.25:.0%}")
