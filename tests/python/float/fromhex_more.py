# float.fromhex: rounding half to even at the last bit, subnormals down to
# the smallest, overflow, the accepted spellings and the rejected ones.
for s in ["0x1.0000000000000p0", "0x1.00000000000008p0", "0x1.00000000000018p0", "0x1.fffffffffffffp1023",
          "0x1p-1074", "0x1p-1075", "0x1.8p-1075", "0x3p-1076", "0x1p-1022", "0x.1p-1018", "-0X1.8P+1", "  0x10  ",
          "1", "a.b", "0x1p+0010", "Infinity", "-inf", "nan", "0x0p12345678901234567890"]:
    print(repr(s), float.fromhex(s))
for s in ["0x1p1024", "0x1.fffffffffffff8p1023", "0x", "", "0x1p", "0x1.2.3", "0xg", "1e5", "0x_1"]:
    try:
        print(float.fromhex(s))
    except (ValueError, OverflowError) as e:
        print(repr(s), type(e).__name__, e)
for x in [1.5, -0.1, 5e-324, 1.7976931348623157e308, 0.0]:
    print(x.hex(), float.fromhex(x.hex()) == x)
