# The format-spec mini-language, part 3: , and _ grouping on ints and
# floats (with zero padding), _ on binary/octal/hex in groups of four,
# precision on floats and strings, and the errors for invalid combinations.
for v in [0, 999, 1000, 1234567, -1234567, 10 ** 20]:
    print([format(v, s) for s in [",", "_", "015,", "_x", "_b", "_o", ",d"]])
for v in [1234.5678, -0.001, 1e9]:
    print([format(v, s) for s in [",.2f", "_.3f", "015,.1f", ",e", ",g", ".0f", ".10f", ",%"]])
for s in ["abcdef"]:
    print([format(s, spec) for spec in [".0", ".1", ".3", ".10", "10.2", "<10.4"]])
for spec in [",x", ",b", ",,", ",_", "_,", ".2d", ",s", "=s", "+s", "#s"]:
    try:
        print(spec, format(123 if spec[-1] != "s" else "s", spec))
    except ValueError as e:
        print(spec, type(e).__name__, e)
