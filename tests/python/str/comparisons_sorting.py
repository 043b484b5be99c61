# Sorting strings: default code-point order (uppercase before lowercase,
# accented letters after z), case-insensitive keys, sort by length then
# alphabetically, natural sort of embedded numbers with a hand-written key.
words = ["banana", "Apple", "cherry", "apple", "Éclair", "zebra", "éclair", "Banana", "10", "9", "_x"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=lambda w: (len(w), w)))
print(sorted(words, key=str.casefold, reverse=True))
def natural_key(s):
    out, num = [], ""
    for ch in s + "\0":
        if ch.isdigit():
            num += ch
        else:
            if num:
                out.append((0, int(num), ""))
                num = ""
            if ch != "\0":
                out.append((1, 0, ch))
    return out
files = ["file10.txt", "file2.txt", "file1.txt", "file20b.txt", "file20a.txt", "file3.txt"]
print(sorted(files))
print(sorted(files, key=natural_key))
print(min(words), max(words), "a" < "aa" < "b", "Z" < "a", "é" > "z", "10" < "9")
