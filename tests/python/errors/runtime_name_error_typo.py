# Uncaught NameError for a misspelt builtin: 3.11 appends a "Did you mean" suggestion to the message.
values = [1, 2]
print(lenn(values))
