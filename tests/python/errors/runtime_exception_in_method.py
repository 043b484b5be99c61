# An exception raised inside a dunder method (__add__) called by an operator.
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        if not isinstance(other, Money):
            raise TypeError('can only add Money to Money')
        return Money(self.cents + other.cents)


print((Money(1) + Money(2)).cents)
Money(1) + 5
