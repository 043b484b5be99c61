# Uncaught UnboundLocalError: a variable assigned only on a branch not taken.
def pick(flag):
    if flag:
        value = 1
    return value


print(pick(True))
print(pick(False))
