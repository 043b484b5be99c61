# SyntaxError far down the file: nothing runs, the earlier prints included.
print('line 2')
print('line 3')


def fine():
    return 1


print(fine())
x = (1 +* 2)
