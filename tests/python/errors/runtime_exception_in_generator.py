# An exception inside a generator body propagates to the consumer.
def numbers():
    yield 1
    yield 2
    raise ValueError('generator broke')


print(list(numbers()))
