# module: its body raises, for import_failure.py (the import fails, the module is not left in sys.modules).
print("mod_raises starting")
value = 1
raise RuntimeError("module body failed")
