# Codecs beyond UTF-8: UTF-16/32 with and without byte order marks both
# ways, decode error handlers, the spans and reasons of decode errors, and
# unknown codecs and error handlers.
s = "aé€😀"
for enc in ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "UTF_32_BE", "latin1", "ascii"]:
    try:
        b = s.encode(enc)
        print(enc, b, b.decode(enc) == s)
    except UnicodeEncodeError as e:
        print(enc, type(e).__name__, e)
    print(enc, s.encode(enc, "replace"), s.encode(enc, errors="xmlcharrefreplace"))
for data in [b"\xe2\x82", b"a\xc0\xafb", b"\xed\xa0\x80x", b"\xf0\x9f\x98", b"ok\xff"]:
    for errors in ["strict", "replace", "ignore", "backslashreplace"]:
        try:
            print(repr(data.decode("utf-8", errors)))
        except UnicodeDecodeError as e:
            print(type(e).__name__, e)
for data, enc in [(b"\x00", "utf-16-le"), (b"\x00\xd8a\x00", "utf-16-le"), (b"\x80", "ascii"), (b"\x00\x00\x11\x00", "utf-32-le")]:
    try:
        data.decode(enc)
    except UnicodeDecodeError as e:
        print(type(e).__name__, e)
for call in [lambda: "é".encode("ascii", "bogus"), lambda: b"\xff".decode("utf-8", "nope"), lambda: "x".encode("klingon"),
             lambda: b"x".decode(5), lambda: "x".encode(errors=3)]:
    try:
        call()
    except (LookupError, TypeError) as e:
        print(type(e).__name__, e)
print("é".encode("ascii", "nope"[:0] or "ignore"), str(bytearray(b"caf\xc3\xa9"), "utf-8"), bytes("€", "utf-16-be"))
