# os.path: join, split, basename, dirname, splitext, exists/isfile/isdir, normpath, abspath relations.
import os.path
from os import path

print(os.path.join("a", "b", "c.txt"), path.join("/root", "x"), path.join("a", "/abs", "b"), path.join("a/", "b"))
print(path.join("", "x"), path.join("a", ""), path.join("a"))
for p in ["/usr/lib/file.tar.gz", "dir/sub/", "name", "", "/", ".hidden", "a/.b.c", "../up/x.py", "//double"]:
    print(repr(p), repr(path.basename(p)), repr(path.dirname(p)), path.split(p), path.splitext(p))
print(path.exists("os_path.py"), path.exists("nope.py"), path.isfile("os_path.py"), path.isdir("."), path.isdir("os_path.py"))
print(path.normpath("a//b/./c/../d"), path.normpath("/x/../../y"), path.normpath(""), path.normpath("a/b/"))
print(path.isabs("/a"), path.isabs("a"), path.abspath("x") == path.join(os.getcwd(), "x"))
print(path.splitext("archive.tar.gz")[1], path.splitext("noext")[1] == "", path.splitext("a.b/c"))
print(path.commonprefix(["/usr/lib", "/usr/local"]), path.relpath("/a/b/c", "/a"))
try:
    path.join("a", 5)
except TypeError as e:
    print(type(e).__name__, e)
print(path.expanduser("~") == os.environ["HOME"], path.sep if hasattr(path, "sep") else "/")
