# SyntaxError: a global declaration after the name was assigned in the function.
def f():
    counter = 1
    global counter
