# Modules importing modules: load order, names re-exported, everything loaded once.
import sys
import mod_chain_a
import mod_chain_b

print(mod_chain_a.via_b(), mod_chain_a.deep_value, mod_chain_a.mod_chain_b is mod_chain_b)
print(sorted(k for k in sys.modules if k.startswith("mod_chain")))
