# An uncaught exception raised with `from`: both exceptions are printed to
# stderr joined by the "direct cause" line; the last line is the outer one.
def load(config):
    try:
        return config["port"]
    except KeyError as e:
        raise RuntimeError("configuration incomplete") from e
print("loading")
load({})
