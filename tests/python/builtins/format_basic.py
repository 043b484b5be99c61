# format(value, spec): empty spec equals str(), __format__ on user classes, errors for bad specs.
print(format(42), format(3.5), format("s"), format(None), format([1, 2]), format(True))
print(format(42, ""), format(1e16, ""), format(0.1, ""), format(-0.0, ""))
print(format(42, "d"), format(42, "5d"), format(42, "<5") + "|", format(42, "^7") + "|", format(42, "*>6"))
print(format("ab", "5") + "|", format("ab", ">5"), format("ab", "^6") + "|", format("abcdef", ".3"))
print(format(3.14159, ".2f"), format(3.14159, "10.3f"), format(-3.14159, "+.1f"), format(3.0, "g"))
print(format(True, "d"), format(True, ""), format(True, "5"), format(False, ">6"))


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __format__(self, spec):
        if spec == "short":
            return "$%d" % (self.cents // 100)
        return "$%d.%02d" % divmod(self.cents, 100)


m = Money(12345)
print(format(m), format(m, "short"), f"{m} {m:short}", "{0} {0:short}".format(m))
for value, spec in [(1, "s"), ("a", "d"), (1.5, "d"), ([1], "d"), (1, "zz"), ("a", "=5")]:
    try:
        format(value, spec)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)


class NoFormat:
    pass


try:
    format(NoFormat(), "x")
except TypeError as e:
    print(type(e).__name__, e)


class BadFormat:
    def __format__(self, spec):
        return 5


try:
    format(BadFormat())
except TypeError as e:
    print(type(e).__name__, e)
