# SyntaxError: a __future__ import after other statements.
print('x')
from __future__ import annotations
