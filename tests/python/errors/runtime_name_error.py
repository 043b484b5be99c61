# Uncaught NameError inside a function called from module level: traceback through two frames.
def show():
    print('in show')
    print(undefined_variable)


print('start')
show()
print('not reached')
