# SyntaxError: an f-string with a lone closing brace.
x = f"a } b"
