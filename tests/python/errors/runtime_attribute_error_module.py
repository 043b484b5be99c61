# Uncaught AttributeError on a module.
import math
print(math.tau)
print(math.taux)
