# module: defines __all__, so `from mod_with_all import *` takes only the listed names.
__all__ = ["exported", "_listed_private"]


def exported():
    return "exported"


def not_exported():
    return "not exported"


def _listed_private():
    return "private but listed"
