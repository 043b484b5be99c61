# Uncaught TypeError: ordering comparison between str and int inside sorted.
print(sorted([3, 'two', 1]))
