# Full Unicode case mapping beyond ASCII: casefold of ß/ﬁ/ς/Cherokee,
# titlecase of digraphs and ligatures, capitalize with a final sigma, and
# the numeric predicates on superscripts, fractions and CJK numerals.
for s in ["Straße", "ﬁne ﬂow", "ΣΑΣ ΟΔΟΣ", "ǆungla ǉubav ǌ", "ꭰꭱ Ᏸ", "İstanbul", "ŉ x", "ᾳ ᾀ"]:
    print(repr(s), s.casefold(), s.title(), s.capitalize(), s.swapcase(), s.upper(), s.lower())
print("ǅ".istitle(), "ǅemal".istitle(), "Ǆemal".istitle(), "ﬁ".upper(), "ß".title())
for s in ["²", "①", "½", "Ⅻ", "٣", "一二三", "十", "𝟙", "x1"]:
    print(repr(s), s.isdecimal(), s.isdigit(), s.isnumeric(), s.isalnum())
print("a\x1fb c".split(), " x\x1c".strip() == "x", "\x1c\x1d".isspace())
print("a b  c  ".split(None, 1), "  a b  c".rsplit(None, 1), "abc".find("", 4), "abc".count("", 4))
print("{x}{y!r}".format_map({"x": 1, "y": "z"}), "tr".translate(str.maketrans({"t": "T", "r": None})))
