# bytearray: the mutable bytes; item and slice assignment, append/extend/
# pop/insert/remove/reverse/clear, +=, and conversion back to bytes.
a = bytearray(b"hello")
print(a, len(a), a[0], a[1:3])
a[0] = 72
print(a)
a[1:3] = b"EY"
print(a)
a[1:3] = b"abcdef"
print(a)
del a[0]
print(a)
del a[::2]
print(a)
a.append(33)
a.extend(b"??")
a.extend([65, 66])
print(a)
print(a.pop(), a.pop(0), a)
a.insert(1, 90)
a.remove(90)
a.reverse()
print(a)
a += b"xyz"
a *= 2
print(a, bytes(a), a == bytes(a))
for bad in [lambda: a.append(256), lambda: a.__setitem__(0, -1), lambda: a.remove(255), lambda: bytearray().pop()]:
    try:
        bad()
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)
a.clear()
print(a, bytearray(3), bytearray([1, 2]), bytearray("é", "utf-8"), bytearray(b"x").upper())
print(b"abc" + bytearray(b"d"), type(b"abc" + bytearray(b"d")).__name__, type(bytearray(b"d") + b"abc").__name__)
