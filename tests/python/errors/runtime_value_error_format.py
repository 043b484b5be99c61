# Uncaught ValueError: a format code that the type does not support.
name = 'Ada'
print(f'{name:>10}|')
print(f'{name:d}')
