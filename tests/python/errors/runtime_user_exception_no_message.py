# Uncaught user-defined exception without arguments.
class Boom(Exception):
    pass


raise Boom
