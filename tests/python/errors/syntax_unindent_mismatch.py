# IndentationError: a dedent to a column that matches no outer indentation level.
if True:
        a = 1
    b = 2
