# Uncaught ValueError: list.remove of a missing item.
items = [1, 2, 3]
items.remove(4)
