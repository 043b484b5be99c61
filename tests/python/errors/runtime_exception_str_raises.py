# An exception whose __str__ itself fails: CPython still reports the exception type.
class Weird(Exception):
    def __str__(self):
        raise ValueError('no str for you')


raise Weird()
