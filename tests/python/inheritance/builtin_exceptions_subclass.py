# Inheriting from builtin types other than object: exceptions with extra
# state, subclass instances caught by their base, and the builtin
# exception hierarchy's __mro__.
class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
class NotFound(AppError, LookupError):
    pass
try:
    raise NotFound(404, "no such page")
except LookupError as e:
    print(type(e).__name__, e.code, e, e.args)
print([c.__name__ for c in NotFound.__mro__])
print([c.__name__ for c in KeyError.__mro__])
print([c.__name__ for c in ZeroDivisionError.__mro__])
print([c.__name__ for c in bool.__mro__])
print([c.__name__ for c in UnicodeDecodeError.__mro__])
print([c.__name__ for c in FileNotFoundError.__mro__])
