# float <-> str conversions at the edges: the largest and smallest
# doubles, subnormals, values just around the 1e16 and 1e-4 repr
# thresholds, integers above 2**53, and parsing of many spellings.
for v in [1.7976931348623157e308, 2.2250738585072014e-308, 5e-324, 2.5e-323, 9999999999999998.0, 1e16 - 2,
          0.0001, 0.00009999999999999999, 123456789012345680.0, 2.0 ** 53, 2.0 ** 53 + 2, 2.0 ** 63, 2.0 ** 64, 2.0 ** -20]:
    print(repr(v), str(v), float(repr(v)) == v)
for s in ["1e308", "1e309", "-1e309", "1e-324", "2e-324", "3e-324", "0.1e1", "1_0.0_1", ".5e-0", "00001.5", "  1.0\n",
          "Infinity", "-iNF", "nan", "+NaN", "1.7976931348623159e308"]:
    print(repr(s), repr(float(s)))
for s in ["1.0.0", "e5", "1e", "--1", "1 0", "_1.0", "1._0", "0x1p3", "∞"]:
    try:
        float(s)
    except ValueError as e:
        print(type(e).__name__, e)
print(float("١.٥"), int("٤٢"))
