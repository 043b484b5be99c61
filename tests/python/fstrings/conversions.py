# The !r, !s and !a conversions, alone and combined with format specs, on
# strings with quotes and non-ASCII text, and user objects.
s = "café 'q'\n"
print(f"{s!r}", f"{s!s}", f"{s!a}")
print(f"{s!r:>20}|", f"{s!a:.6}|", f"{'x'!r:^7}|")
class Obj:
    def __repr__(self):
        return "Obj-repr"
    def __str__(self):
        return "Obj-str"
    def __format__(self, spec):
        return f"Obj-format[{spec}]"
o = Obj()
print(f"{o}", f"{o!s}", f"{o!r}", f"{o!a}", f"{o:spec}", f"{o!r:>10}", f"{o!s:*<10}")
print(f"{42!r}", f"{4.5!s}", f"{'é'!a}", f"{[1, 'é']!a}", f"{None!r}")
print(f"{'😀'!a}", f"{'😀'!r}", ascii("😀"))
