# Three chained exceptions (raise ... from ...) twice over; the last line is the outermost one.
def parse(s):
    return int(s)


def load(s):
    try:
        return parse(s)
    except ValueError as e:
        raise KeyError('load failed') from e


def main():
    try:
        load('x')
    except KeyError as e:
        raise RuntimeError('main failed') from e


main()
