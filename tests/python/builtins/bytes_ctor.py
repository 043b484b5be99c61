# bytes()/bytearray(): from a size, an iterable of ints, a str with encoding, bytes; range errors; methods.
print(bytes(), bytes(3), bytes([65, 66, 67]), bytes(range(3)), bytes("héllo", "utf-8"), bytes(b"copy"))
print(bytearray(2), bytearray(b"ab"), bytearray("xy", "ascii"), bytes(bytearray([1, 255])))
for bad in [[256], [-1], ["a"], -1]:
    try:
        bytes(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    bytes("text")
except TypeError as e:
    print(type(e).__name__, e)
try:
    bytes("é", "ascii")
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
b = b"hello world"
print(b[0], b[-1], b[1:4], b.upper(), b.split(), b.replace(b"o", b"0"), b.find(b"wor"), b.decode())
print(list(b"az"), b"a" + b"b", b"ab" * 3, b"x" in b"xyz", 120 in b"xyz", len(b"\x00\x01"))
ba = bytearray(b"abc")
ba[0] = 65
ba.append(100)
ba.extend(b"ef")
del ba[1]
print(ba, bytes(ba), ba.pop(), ba)
try:
    ba[0] = 300
except ValueError as e:
    print(type(e).__name__, e)
try:
    b[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
print(bytes.fromhex("de ad be ef"), b"\xde\xad".hex(), b"abc" == bytearray(b"abc"), b"a" < b"b")
print(repr(bytes([0, 9, 10, 13, 39, 92, 127, 128])), str(b"x"))
