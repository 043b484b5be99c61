# Character-class predicates over ASCII, non-ASCII digits and letters,
# whitespace, and the empty string (always False).
samples = ["abc", "ABC", "Abc Def", "abc123", "123", "½", "²", "٣", "", " \t\n", "a b", "Hello World", "hello World",
           "ñandú", "日本", "_x1", "1x", "class", "x.y", "\x00", "MiXeD"]
for s in samples:
    print(repr(s), s.isalpha(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalnum(), s.isspace(), s.islower(),
          s.isupper(), s.istitle(), s.isidentifier(), s.isprintable(), s.isascii())
