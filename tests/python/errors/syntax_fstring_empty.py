# SyntaxError: an f-string with an empty replacement field.
x = f"value: {}"
