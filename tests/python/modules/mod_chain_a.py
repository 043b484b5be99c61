# module: imports mod_chain_b and re-exports part of it, for import_chain.py.
import mod_chain_b
from mod_chain_b import deep_value

print("mod_chain_a loaded")


def via_b():
    return mod_chain_b.double(deep_value)
