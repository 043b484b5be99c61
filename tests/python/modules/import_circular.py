# Circular imports: the partially initialised module is visible to the other; late names work at call time.
import mod_circ_a
import mod_circ_b

print(mod_circ_a.from_b(), mod_circ_b.B_VALUE, mod_circ_a.mod_circ_b is mod_circ_b, mod_circ_b.mod_circ_a is mod_circ_a)
