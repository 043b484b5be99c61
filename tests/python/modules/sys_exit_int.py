# sys.exit(3): stdout so far is kept, finally blocks run, the status is 3 and stderr is empty.
import sys

print("before exit")
try:
    sys.exit(3)
finally:
    print("finally runs")
print("never printed")
