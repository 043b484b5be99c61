# module: half of a circular import with mod_circ_b; it binds A_VALUE before importing b.
A_VALUE = "a-early"
import mod_circ_b

print("mod_circ_a sees", mod_circ_b.B_VALUE)
A_LATE = "a-late"


def from_b():
    return mod_circ_b.read_a_late()
