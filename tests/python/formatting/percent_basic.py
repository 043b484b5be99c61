# %-formatting: s r a d i u o x X e E f F g G c %, tuples versus single
# values, dict-based %(name)s, and the TypeErrors for wrong counts/types.
print("%s|%r|%a" % ("é", "é", "é"))
print("%d %i %u" % (42, -42, 7), "%d" % 3.99, "%d" % True, "%d" % (2 ** 70))
print("%o %x %X %#o %#x %#X" % (8, 255, 255, 8, 255, 255))
print("%e|%E|%f|%F|%g|%G" % (12345.678, 12345.678, 12345.678, 12345.678, 12345.678, 0.00001234))
print("%c%c" % (72, "i"), "100%%", "%s%%" % 50)
print("%s" % "single", "%s" % (("tuple",),), "%s %s" % ("a", "b"), "%s" % [1, 2], "%s" % None)
print("%(name)s is %(age)d, %(name)r" % {"name": "Ann", "age": 30})
print("%5s|%-5s|%05d|%+d|% d|%.2f|%8.3f|%-8.2f|%.3s|%x" % ("ab", "ab", 42, 5, 5, 3.14159, 2.5, 2.5, "abcdef", 3054))
print("%*d|%-*d|%.*f" % (5, 1, 5, 2, 2, 3.14159))
print("%s" % (1,), "%r" % ((1, 2),), "%.0f %.0f %.0f" % (0.5, 1.5, 2.5), "%g %g %g" % (1e16, 1e-5, 123456789.0))
for fmt, args in [("%d %d", (1,)), ("%d", (1, 2)), ("%d", "x"), ("%z", 1), ("%(k)s", (1,)), ("%c", 1234567890), ("%c", "ab")]:
    try:
        print(fmt % args)
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(type(e).__name__, e)
print(b"%s and %d" % (b"bytes", 5), b"%x" % 255)
print("%s" % float("inf"), "%f" % float("nan"), "%.3e" % -0.0, "%d" % -0.0)
