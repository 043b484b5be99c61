# An error in an except block: the handler's own exception wins.
try:
    1 / 0
except ZeroDivisionError:
    undefined_handler_name
