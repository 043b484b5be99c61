# IndentationError: the body of a def is not indented.
def f():
return 1
