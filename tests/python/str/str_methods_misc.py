# Less common str methods: translate/maketrans (mapping, deletion, dict
# form), format_map, isdecimal vs isdigit vs isnumeric on numerics,
# ljust with wide chars, count with overlapping patterns, and str()
# of nested containers.
table = str.maketrans("abc", "xyz", "d")
print("abcdabcd".translate(table), "hello".translate({ord("l"): "L", ord("o"): None}), str.maketrans({"a": "1"}))
try:
    str.maketrans("ab", "x")
except ValueError as e:
    print(type(e).__name__, e)
print("{name}-{n:03d}".format_map({"name": "id", "n": 7}))
for s in ["123", "١٢٣", "½", "²", "Ⅻ", "3.5", "-1"]:
    print(repr(s), s.isdecimal(), s.isdigit(), s.isnumeric())
print("aaaa".count("aa"), "aaaa".find("aa", 1), "abcabc".rindex("b"), "ab" * 3 == "ababab")
print(str([1, "a", None, 2.5, (3,), {"k": "v"}]), str({1: [2, {3}]}))
print("Hello".ljust(8, "·") + "|", "x".rjust(3, "日"), "title case words".title(), "a-b_c d".title())
print("  Mixed Case  ".strip().swapcase(), "ǅ".istitle(), "CamelCaseString".lower(), "snake_case".upper())
