# %-formatting details: flags combined (#, 0, -, +, space), * width and
# precision from the tuple, %r/%a of strings with quotes, %s of objects
# with __str__, mapping keys with formats, and %% next to fields.
print("[%-+6d] [%+06d] [% 06d] [%#06x] [%#-8o] [%-#8X]" % (5, 5, 5, 255, 8, 255))
print("[%*s] [%-*s] [%.*s] [%*.*f]" % (6, "ab", 6, "ab", 2, "abcdef", 8, 3, 3.14159))
print("%r %a %s" % ("it's \"q\"", "naïve", "plain"))
class P:
    def __str__(self):
        return "P-str"
    def __repr__(self):
        return "P-repr"
print("%s %r %5s|%-7r|" % (P(), P(), P(), P()))
print("%(a)05.1f %(b)-4s| %(a)e %%" % {"a": 3.14159, "b": "x"})
print("%.3g %.3g %.3g %g %G" % (1234.5, 0.00012345, 1e20, 1e-10, 1e-10))
print("%5.1f%%" % 99.5, "%c%c%c" % (80, 121, "!"), "%x%X%o" % (3054, 3054, 8))
print("%i|%u|%d" % (-1.9, 2.9, True), "%s" % b"bytes", "%s %s" % ((1, 2), [3]))
