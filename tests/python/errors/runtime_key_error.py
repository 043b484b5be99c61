# Uncaught KeyError with a string key.
config = {'host': 'x'}
print(config['port'])
