# sys.argv without arguments: only the script name.
import sys

print(sys.argv, len(sys.argv))
print(sys.argv[1:] == [])
