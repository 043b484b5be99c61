# sys.exit(False): False is the int 0, so the status is 0 and stderr stays empty.
import sys

print("exiting with False")
sys.exit(False)
print("not reached")
