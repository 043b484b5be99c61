# -*- coding: klingon -*-
# A source encoding Python does not know is a SyntaxError before any code runs.
print("never")
