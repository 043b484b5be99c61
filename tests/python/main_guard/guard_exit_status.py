# The conventional `sys.exit(main())` ending: main's return value becomes
# the process exit status (2 here), with no stderr output.
import sys
def main():
    print("doing work")
    return 2
if __name__ == "__main__":
    sys.exit(main())
