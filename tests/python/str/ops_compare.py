# str operators: + and * (with zero and negative counts), lexicographic
# comparison by code point, and the TypeErrors for mixing with numbers.
print("ab" + "cd", "ab" * 3, 3 * "ab", "ab" * 0, "ab" * -2, repr("" * 100))
s = "x"
s += "y"
s *= 2
print(s)
words = ["banana", "Apple", "cherry", "apple", "", "ápple", "Zebra", "a", "aa", "ab"]
print(sorted(words))
print("a" < "b", "a" < "B", "abc" < "abd", "abc" < "ab", "" < "a", "Z" < "a", "é" > "z", "a" == "a", "a" != "A")
print(max(words), min(words), "abc" <= "abc", "abc" >= "abd")
for op in [lambda: "a" + 1, lambda: 1 + "a", lambda: "a" * 1.5, lambda: "a" < 1, lambda: "a" - "b", lambda: "a" * "b"]:
    try:
        op()
    except TypeError as e:
        print(type(e).__name__, e)
print("a" == 1, "1" == 1, "abc"[0] == "a")
print(str(123) + str(4.5) + str(None) + str(True) + str([1, "a"]))
print(len("abc" * 1000), ("ab" * 1000).count("ba"))
