# __str__ versus __repr__: print and str() use __str__ (falling back to
# __repr__), containers always use repr of elements, format/f-string use
# __format__ which defaults to str(); object's default format rejects specs.
class Card:
    def __init__(self, rank, suit):
        self.rank, self.suit = rank, suit
    def __repr__(self):
        return f"Card({self.rank!r}, {self.suit!r})"
    def __str__(self):
        return f"{self.rank} of {self.suit}"
c = Card("Q", "hearts")
print(c)
print(str(c), repr(c))
print([c], (c, c), {"top": c}, {1: [c]})
print(f"{c}", f"{c!r}", f"{c!s}", "{0} / {0!r}".format(c), "%s / %r" % (c, c))
print(format(c), format(c, ""))
try:
    format(c, "10")
except TypeError as e:
    print(type(e).__name__, e)
class OnlyStr:
    def __str__(self):
        return "only-str"
o = OnlyStr()
print(o, [str(o)], str([1]) == repr([1]))
print(repr("quoted"), str("quoted"), [("tuple", 'q"uote')])
