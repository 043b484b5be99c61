# str.encode / bytes.decode: utf-8 by default, other codecs, error handlers,
# and the messages of the errors a bad encoding raises.
s = "héllo wörld €😀"
b = s.encode()
print(b, len(b), len(s))
print(b.decode(), b.decode("utf-8") == s)
print(s.encode("utf-8"), "abc".encode("ascii"), "é".encode("latin-1"), "é€".encode("utf-16-le"))
print(s.encode("ascii", "ignore"), s.encode("ascii", "replace"), s.encode("ascii", "backslashreplace"), s.encode("ascii", "xmlcharrefreplace"))
try:
    s.encode("ascii")
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
try:
    b"\xff\xfe".decode("utf-8")
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
print(b"\xffabc".decode("utf-8", "replace"), b"\xffabc".decode("utf-8", "ignore"), b"\xe9".decode("latin-1"))
try:
    "x".encode("no-such-codec")
except LookupError as e:
    print(type(e).__name__, e)
print(str(b"abc", "ascii"), str(b"abc"))
