# An uncaught exception: output printed before it survives, the traceback
# goes to stderr, the last stderr line is "ValueError: ...", exit status 1.
def parse(text):
    return int(text)
print("parsing")
print(parse("12"))
print(parse("twelve"))
print("never printed")
