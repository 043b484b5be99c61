# os: environ is a mapping (HOME present), getcwd is the script's directory (a str), listdir, remove, mkdir.
import os

print(os.environ.get("HOME") is not None, os.environ.get("SURELY_NOT_SET_VARIABLE_XYZ"), "PATH" in os.environ)
print(os.environ.get("SURELY_NOT_SET_VARIABLE_XYZ", "dflt"), type(os.environ["HOME"]).__name__)
try:
    os.environ["SURELY_NOT_SET_VARIABLE_XYZ"]
except KeyError as e:
    print(type(e).__name__, e)
os.environ["MJ_TEST_VAR"] = "set-here"
print(os.environ["MJ_TEST_VAR"], os.getenv("MJ_TEST_VAR"), os.getenv("MJ_NOPE", "fallback"))
cwd = os.getcwd()
print(type(cwd).__name__, os.path.isabs(cwd), os.path.basename(cwd))
print("os_basic.py" in os.listdir("."), "os_basic.py" in os.listdir())
os.mkdir("os_basic_tmpdir")
print(os.path.isdir("os_basic_tmpdir"), os.path.isfile("os_basic_tmpdir"))
with open(os.path.join("os_basic_tmpdir", "f.txt"), "w") as f:
    f.write("x")
print(os.listdir("os_basic_tmpdir"), os.path.getsize("os_basic_tmpdir/f.txt"))
os.remove("os_basic_tmpdir/f.txt")
os.rmdir("os_basic_tmpdir")
print(os.path.exists("os_basic_tmpdir"))
try:
    os.remove("os_basic_missing.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e)
print(os.sep, os.curdir, os.pardir, type(os.getpid()).__name__, os.name)
