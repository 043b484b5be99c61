# print: sep and end keywords, defaults, None for either, empty calls, non-str arguments.
print()
print("a", "b", "c")
print("a", "b", "c", sep="")
print("a", "b", "c", sep=", ")
print("a", "b", sep=None)
print("x", end="")
print("y", end=None)
print("line", end="!\n")
print(1, 2.5, None, True, [1, "two"], (3,), {"k": 4}, sep="|")
print(sep="-")
print(end="only end\n")
print("multi\nline", "arg")
print(*range(5))
print(*range(5), sep="\n")
print(*[], sep="xx")
print("tab\tsep", 'quote"s', "back\\slash")
for sep in ["", " ", "::", "\n"]:
    print(1, 2, 3, sep=sep)
try:
    print("a", sep=1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print("a", end=2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print("a", bogus=1)
except TypeError as e:
    print(type(e).__name__, e)
