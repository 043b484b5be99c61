class A(B, metaclass=M, C):
    pass
