# A finally block runs before an uncaught exception terminates the program,
# and its output appears on stdout first; the exit status is 1.
def work():
    try:
        print("working")
        return [1, 2][5]
    finally:
        print("cleanup in finally")
work()
