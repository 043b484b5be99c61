# bytearray as a mutable buffer: in-place edits by index and slice,
# growing and shrinking through slice assignment, += with bytes and
# bytearray, find/replace on the buffer, and equality with bytes.
buf = bytearray(10)
for i in range(10):
    buf[i] = i * 3
print(buf, list(buf))
buf[2:5] = b"\xff\xfe"
print(buf, len(buf))
buf[-1:] = b"end"
print(buf)
buf[0:0] = b">>"
print(buf[:6])
del buf[2:4]
buf += bytearray(b"!")
print(buf, buf.find(b"end"), buf.count(0), buf.replace(b"end", b"END"), bytes(buf[-4:]))
buf2 = bytearray(b"hello world")
buf2[0] = ord("H")
buf2[6:] = buf2[6:].upper()
print(buf2, buf2 == b"Hello WORLD", buf2.decode(), buf2.split(), buf2.startswith(b"Hell"))
try:
    buf2[0] = b"x"
except TypeError as e:
    print(type(e).__name__, e)
try:
    buf2[0:2] = "xy"
except TypeError as e:
    print(type(e).__name__, e)
b3 = bytearray(b"abc")
b3.extend(range(100, 103))
print(b3, b3.pop(), b3.index(b"c"), b3.hex(), bytearray.fromhex("41 42"))
