# Output printed before an uncaught exception stays on stdout.
for i in range(5):
    print('line', i)
print(1 / (i - 4))
