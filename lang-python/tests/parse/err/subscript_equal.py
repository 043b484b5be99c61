a[0=: int = 1
