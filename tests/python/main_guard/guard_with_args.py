# args: alpha beta 3
# A main guard that reads command-line arguments through sys.argv: argv[0]
# is the script name as given, the rest are the arguments as strings.
import sys
def main(argv):
    print("script:", argv[0])
    print("args:", argv[1:])
    print("count:", int(argv[3]) * 2)
    return len(argv) - 1
if __name__ == "__main__":
    print("returned", main(sys.argv))
