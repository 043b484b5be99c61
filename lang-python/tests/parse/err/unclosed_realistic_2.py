x = foo(1, 2
print(x)
