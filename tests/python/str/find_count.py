# Searching: find/rfind/index/rindex/count with start and end arguments,
# startswith/endswith with tuples, and `in` with the empty string.
s = "the cat sat on the mat"
print(s.find("at"), s.rfind("at"), s.find("at", 6), s.find("at", 6, 9), s.find("dog"), s.find(""), s.rfind(""), s.find("", 30))
print(s.index("the"), s.rindex("the"), s.count("at"), s.count("t"), s.count(""), s.count("at", 5, 12), "aaaa".count("aa"))
for call in [lambda: s.index("dog"), lambda: s.rindex("x"), lambda: s.index("the", 1, 10)]:
    try:
        call()
    except ValueError as e:
        print(type(e).__name__, e)
print(s.startswith("the"), s.startswith("cat", 4), s.startswith(("a", "t")), s.endswith("mat"), s.endswith(("x", "y")),
      s.endswith("sat", 0, 11), s.startswith(""), "".startswith(""), "".endswith("a"))
try:
    s.startswith(["the"])
except TypeError as e:
    print(type(e).__name__, e)
print("at" in s, "dog" in s, "" in s, "" in "", "é" in "café", "cafe" in "café")
try:
    1 in "abc"
except TypeError as e:
    print(type(e).__name__, e)
print(s.find("at", -5), s.rfind("t", -10, -3), s.count("a", -8))
print("日本語日本".find("本"), "日本語日本".rfind("本"), "日本語日本".count("日本"))
