# str repr: quote choice, escapes for control characters, backslashes, and
# which non-ASCII characters stay printable; plus literal escape sequences.
for s in ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "new\nline", "cr\r", "back\\slash", "\x00\x01\x7f",
          "\x80\x9f\xa0", "é", "\u200b", "\u2028", "😀", "\U0001f600", "\a\b\f\v", "\x1b[0m"]:
    print(repr(s))
print("\x41\u0042\U00000043\101\N{GREEK SMALL LETTER ALPHA}")
print(r"\n\t\\", len(r"\n"), len("\n"), rb"\x00"[0], rb"\x00")
print("line1\
line2")
print("adjacent" " literals" ' joined')
print("""triple
quoted 'x' "y" """)
print(ascii("é😀\n"), ascii("plain"), str("é"), repr(repr("a")))
print(["a'b", 'c"d', "e\\f"])
