# Errors from evaluating f-string fields: exceptions inside the braces
# propagate with their own type, and bad specs raise ValueError with the
# type in the message.
for fn in [lambda: f"{1 / 0}", lambda: f"{undefined}", lambda: f"{[][1]}", lambda: f"{'a' + 1}",
           lambda: f"{object():>10}", lambda: f"{1.5:x}", lambda: f"{'abc':=10}", lambda: f"{10:,s}"]:
    try:
        print(fn())
    except Exception as e:
        print(type(e).__name__, e)
