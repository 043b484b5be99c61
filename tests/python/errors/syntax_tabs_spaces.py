# TabError: one block indented with a tab, the next line of it with spaces.
if True:
	x = 1
        y = 2
print(x)
