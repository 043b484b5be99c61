# sys.exit(3) at the end of some output: status 3, empty stderr.
import sys

print('working')
sys.exit(3)
