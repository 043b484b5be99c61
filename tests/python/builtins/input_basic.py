# input: reads lines from stdin without the newline, the prompt goes to stdout, EOF raises EOFError.
name = input("name? ")
print("hello", name)
n = int(input())
print(n * 2)
print(repr(input("> ")))
print(repr(input()))
print(repr(input("last: ")))
try:
    input("eof? ")
except EOFError as e:
    print(type(e).__name__, e)
try:
    input("a", "b")
except TypeError as e:
    print(type(e).__name__, e)
