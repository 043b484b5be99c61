# KeyError from a nested lookup inside a function called in a loop.
data = {'a': {'x': 1}, 'b': {}}


def get_x(key):
    return data[key]['x']


for k in 'ab':
    print(k, get_x(k))
