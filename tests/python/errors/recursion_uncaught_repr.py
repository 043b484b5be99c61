# Unbounded recursion through __repr__ left uncaught: exit status 1 and a RecursionError last line.
class Self:
    def __repr__(self):
        return repr(self)


print("printing")
print(Self())
