# module: the other half of the circular import; reads what mod_circ_a had bound when b started.
import mod_circ_a

print("mod_circ_b sees", mod_circ_a.A_VALUE, hasattr(mod_circ_a, "A_LATE"))
B_VALUE = "b-value"


def read_a_late():
    return mod_circ_a.A_LATE
