x = 1
if x:
    y not"""a
b"""
