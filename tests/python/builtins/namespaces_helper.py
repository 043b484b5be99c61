# module: imported by namespaces_frames.py; its globals() and eval() see this module's namespace.
MARK = "helper"


def own_globals():
    return globals()


def eval_here(text):
    return eval(text)


def locals_of_caller_free():
    return sorted(locals())
