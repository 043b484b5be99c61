# Uncaught TypeError: a method called without a required argument.
class Greeter:
    def greet(self, name):
        return 'hi ' + name


print(Greeter().greet())
