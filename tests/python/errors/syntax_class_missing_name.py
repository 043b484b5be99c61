# SyntaxError: class with no name.
class :
    pass
