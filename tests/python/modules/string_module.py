# string module: the character-class constants, capwords (with sep), Template substitution.
import string

print(string.ascii_lowercase, string.ascii_uppercase, string.ascii_letters)
print(string.digits, string.hexdigits, string.octdigits)
print(repr(string.punctuation), repr(string.whitespace), len(string.printable))
print(string.printable == string.digits + string.ascii_letters + string.punctuation + string.whitespace)
print(string.capwords("hello   wORLD  foo"), string.capwords("  lead and trail  "), repr(string.capwords("")))
print(string.capwords("a-b c-d", "-"), string.capwords("x,y,z", ","), string.capwords("it's o'neil"))
t = string.Template("$who likes ${what}s, $$5")
print(t.substitute(who="Tim", what="kiwi"), t.safe_substitute(who="Ann"))
try:
    t.substitute(who="x")
except KeyError as e:
    print(type(e).__name__, e)
print(string.Template("$a$b").substitute({"a": 1, "b": 2}))
print([c for c in "Hello, World 42!" if c in string.ascii_letters + string.digits])
print("".join(sorted(set(string.hexdigits.lower()))))
