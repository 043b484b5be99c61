# args: first --flag 42 "quoted"
# sys.argv: the script name then the arguments given on the `# args:` line, all strings.
import sys

print(sys.argv)
print(len(sys.argv), sys.argv[0], type(sys.argv).__name__)
for i, arg in enumerate(sys.argv[1:], 1):
    print(i, repr(arg), arg.isdigit())
print(int(sys.argv[3]) + 1)
sys.argv.append("extra")
print(sys.argv[-1])
