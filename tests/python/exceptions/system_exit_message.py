# SystemExit with a string code: the string goes to stderr as the last line
# and the exit status is 1; output printed before it is kept.
def main():
    print("validating input")
    raise SystemExit("fatal: no input given")
main()
