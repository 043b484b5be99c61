# bytes methods mirror str's: split/join/strip/replace/find/count/
# startswith/upper/lower/partition/center/zfill/is* and decode.
b = b"  Hello, World  "
print(b.strip(), b.lstrip(), b.rstrip(), b.strip(b" H"), b.split(), b.split(b","), b.rsplit(b" ", 1))
print(b.upper(), b.lower(), b.swapcase(), b.title(), b"hello world".capitalize())
print(b.find(b"o"), b.rfind(b"o"), b.index(b"W"), b.count(b"l"), b.count(ord("l")), b.find(111))
print(b.replace(b"l", b"L"), b.replace(b"l", b"", 2), b.startswith(b"  H"), b.endswith((b"x", b"  ")))
print(b"-".join([b"a", b"b", b"c"]), b"".join([]), b"a,b".partition(b","), b"a,b,c".rpartition(b","))
try:
    b"-".join([b"a", "b"])
except TypeError as e:
    print(type(e).__name__, e)
print(b"ab".center(6, b"*"), b"7".zfill(3), b"ab".ljust(4), b"ab".rjust(4, b"0"))
print(b"abc".isalpha(), b"123".isdigit(), b"a1".isalnum(), b" \t".isspace(), b"abc".islower(), b"ABC".isupper(), b"".isalpha())
print(b"line1\nline2\r\n".splitlines(), b"x\ty".expandtabs(4), b"abc".removeprefix(b"a"), b"abc".removesuffix(b"c"))
print(b"caf\xc3\xa9".decode(), b"caf\xc3\xa9".decode("latin-1"))
try:
    b"abc".index(b"z")
except ValueError as e:
    print(type(e).__name__, e)
print(bytes(b"abc").translate(bytes.maketrans(b"abc", b"xyz")), b"aXbXc".split(b"X", 1))
