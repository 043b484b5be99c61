# SyntaxError: from-import with nothing after import.
from math import
