# The format-spec mini-language, part 1: fill characters (including the
# braces-free unusual ones), alignment < > ^ =, width smaller than the
# value, and = alignment with signs and prefixes.
for v in [5, -5, "txt"]:
    for spec in ["8", "<8", ">8", "^8", "*<8", "*>8", "*^8", "0>8", "#^9", "é^7", "2", "^1"]:
        print(repr(spec), repr(format(v, spec)))
for spec in ["=8", "0=8", "*=+8", "=#10x", "0=#10b", "=+10.2f"]:
    print(repr(spec), repr(format(-42, spec if "f" not in spec else spec)), repr(format(42, spec)))
print(repr(format("ab", "^5")), repr(format("ab", "^6")), repr(format(1, "^4")), repr(format(-1.5, "^9")))
