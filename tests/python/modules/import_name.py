# __name__: "__main__" for the program, the module name for an imported module; its main guard does not run.
import mod_shapes
import mod_counter

print(__name__, mod_shapes.__name__, mod_counter.__name__)
if __name__ == "__main__":
    print("main guard runs in the program")


def where():
    return __name__


print(where(), mod_shapes.area.__module__, mod_shapes.Circle.__module__, where.__module__)
