# print(2**(2**20)) with the default limit: uncaught ValueError, exit 1, nothing printed for it.
print("about to print a 315653-digit number")
print(2 ** (2 ** 20))
