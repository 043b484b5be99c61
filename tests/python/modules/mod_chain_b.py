# module: the bottom of the import chain of import_chain.py.
print("mod_chain_b loaded")
deep_value = 21


def double(x):
    return 2 * x
