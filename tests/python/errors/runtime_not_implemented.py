# Uncaught NotImplementedError from an abstract-style base method.
class Base:
    def run(self):
        raise NotImplementedError('subclasses must implement run')


Base().run()
