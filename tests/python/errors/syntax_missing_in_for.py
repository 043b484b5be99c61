# SyntaxError: a for loop without `in`.
for x range(3):
    print(x)
