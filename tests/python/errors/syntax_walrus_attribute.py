# SyntaxError: an attribute as the target of :=.
class C:
    pass
if (C.x := 5):
    pass
