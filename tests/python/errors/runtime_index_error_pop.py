# Uncaught IndexError: pop from an empty list.
stack = []
stack.pop()
