# A comparison raising inside `if a < b:`, uncaught.


def less(a, b):
    if a < b:
        return True
    return False


print(less(1, 2))
print(less(1, "2"))
