# str.format: automatic and explicit field numbering, keyword fields,
# attribute and index lookups in fields, conversions, nested specs, and
# the errors for mixing numbering or missing arguments.
print("{} {} {}".format(1, "two", 3.0), "{0} {1} {0}".format("a", "b"), "{x}-{y}".format(x=1, y=2))
print("{0[0]} {1[k]} {2.real} {2.imag}".format([9], {"k": "v"}, 5))
class P:
    x, y = 3, 4
print("{p.x},{p.y}".format(p=P()), "{0.x}".format(P), "{:>{w}}|".format("r", w=6), "{:{f}^{w}}".format("c", f="*", w=7))
print("{!r} {!s} {!a}".format("é", "é", "é"), "{0!r:>8}".format("q"))
print("{{}} {{{0}}}".format("in braces"), "{}%".format(50))
print("{:,} {:_} {:.3} {:.3f} {:e} {:%} {:x} {:#b} {:c}".format(1234567, 1234567, 3.14159, 2.0, 0.5, 0.25, 255, 5, 97))
print("{0:<5}|{0:^5}|{0:>5}|{0:=+5}|{0:05}".format(-3))
for fmt, args, kwargs in [("{} {1}", (1, 2), {}), ("{0} {}", (1, 2), {}), ("{2}", (1,), {}), ("{name}", (), {}),
                          ("{", (), {}), ("}", (), {}), ("{0.missing}", (1,), {}), ("{0[5]}", ([1],), {}), ("{:d}", ("s",), {})]:
    try:
        print(fmt.format(*args, **kwargs))
    except (ValueError, IndexError, KeyError, AttributeError) as e:
        print(type(e).__name__, e)
print("{0}{1}{0}".format("ab", "-"), "{:s}".format("str"), "{}".format([1, {"a": (2,)}]))
print("{a} and {b}".format_map({"a": 1, "b": 2}))
