@p.setter
def p(self, value): self._p = value
try:
    pass
