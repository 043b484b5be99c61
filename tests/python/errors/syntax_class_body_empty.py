# IndentationError: a class statement with nothing in its body before a dedented line.
class Empty:
x = 1
