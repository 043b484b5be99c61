# Uncaught built-in exception with several arguments: the message is the args tuple.
raise ValueError('bad value', 42)
