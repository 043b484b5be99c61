# module: imported by dunder_import.py through __import__; counts how often its body runs.
print("dunder_import_helper body runs")
VALUE = 99


def triple(x):
    return 3 * x
