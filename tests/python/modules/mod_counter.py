# module: prints when its body runs, so importers can check that a module runs only once.
print("mod_counter body executing, __name__ =", __name__)
loads = 0
loads += 1


def bump():
    global loads
    loads += 1
    return loads
