# hex/oct/bin: zero, negatives, big ints, bools, __index__; round trips through int(s, 0); non-int errors.
for n in [0, 1, -1, 10, 255, -255, 2**64, -(2**100) + 1, True]:
    print(n, hex(n), oct(n), bin(n))
print(int(hex(-12345), 0), int(oct(8**20), 0), int(bin(-5), 0))


class Idx:
    def __index__(self):
        return 42


print(hex(Idx()), oct(Idx()), bin(Idx()))
for f in (hex, oct, bin):
    for bad in [1.0, "10", None]:
        try:
            f(bad)
        except TypeError as e:
            print(type(e).__name__, e)
print(format(255, "x"), format(255, "#X"), format(8, "o"), format(5, "08b"), format(-5, "b"))
print(f"{255:#x} {255:#o} {255:#b} {-255:#x} {2**70:x}")
print(hex(12648430), (255).bit_length(), (-256).bit_length(), (0).bit_length())
