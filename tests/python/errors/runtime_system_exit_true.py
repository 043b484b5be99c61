# sys.exit(True): a bool is an int, so the exit status is 1 and nothing is printed to stderr.
import sys

print('bool exit')
sys.exit(True)
