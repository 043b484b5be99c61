# IndentationError: a block header on the last line with no body at all.
print('never runs')
for i in range(3):
