# SystemExit raised directly: exit status from the code, its string code
# printed to stderr for non-int codes; finally blocks still run.
try:
    print("about to exit")
    raise SystemExit(3)
finally:
    print("finally runs on SystemExit")
