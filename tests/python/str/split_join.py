# split/rsplit with and without separators and maxsplit, splitlines with
# every line boundary, and join with non-string items raising TypeError.
s = "  a  b   c  "
print(s.split(), s.split(" "), s.split(None, 1), s.rsplit(None, 1), s.split(" ", 2), s.rsplit(" ", 2))
print("a,b,,c,".split(","), "a,b,,c,".rsplit(",", 1), "".split(","), "".split(), "abc".split("abc"))
print("1::2::3".split("::"), "1::2::3".rsplit("::", 1), "x".split("x"), "xx".split("x"))
print("a\tb\nc\x0bd\x0ce\rf g".split())
try:
    "abc".split("")
except ValueError as e:
    print(type(e).__name__, e)
text = "one\ntwo\r\nthree\rfour\x0bfive\x0csix\x1cseven\u2028eight\n\nend"
print(text.splitlines())
print(text.splitlines(True))
print("a\n".splitlines(), "".splitlines(), "\n".splitlines(), "x\n\n".split("\n"))
print(",".join(["a", "b", "c"]), "".join([]), "-".join("xyz"), " ".join(("1", "2")), "ab".join(["", ""]))
try:
    ",".join(["a", 1, "b"])
except TypeError as e:
    print(type(e).__name__, e)
try:
    ",".join("abc", "d")
except TypeError as e:
    print(type(e).__name__, e)
print("a b c".split(maxsplit=1), "a b c".rsplit(maxsplit=1), "a-b-c".split(sep="-", maxsplit=0))
print("k=v=w".partition("="), "k=v=w".rpartition("="), "kvw".partition("="), "kvw".rpartition("="))
try:
    "a".partition("")
except ValueError as e:
    print(type(e).__name__, e)
