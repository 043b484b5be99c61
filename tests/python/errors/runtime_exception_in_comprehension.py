# An exception inside a list comprehension.
values = [4, 2, 0, 1]
print([12 // v for v in values])
