# module: imported by the main_guard programs. Its top-level code runs once on
# first import, and its __name__ is the module name, so its own main-guard
# block does not run when imported.
print("helper_mod top level runs, __name__ =", __name__)
def greet(who):
    return f"hello {who} from {__name__}"
counter = 0
def bump():
    global counter
    counter += 1
    return counter
if __name__ == "__main__":
    print("helper_mod run as a script")
