# A script's __name__ is "__main__", so code under the main guard runs;
# functions defined above it are usable there.
print(__name__)
def main():
    print("main() called")
    return 0
if __name__ == "__main__":
    status = main()
    print("status", status)
else:
    print("imported, not run")
print(type(__name__).__name__, __name__ == "__main__")
