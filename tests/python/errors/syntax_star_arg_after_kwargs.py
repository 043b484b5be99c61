# SyntaxError: iterable unpacking after keyword unpacking in a call.
print(**{}, *[1])
