# sys attributes: maxsize, version_info, modules, path[0] is the script directory, byteorder, intern.
import sys
import os

print(sys.maxsize == 2**63 - 1, type(sys.maxsize).__name__, sys.maxsize + 1 > sys.maxsize)
print(sys.version_info[0], sys.version_info.major, sys.version_info >= (3, 8), tuple(sys.version_info[:1]))
print(type(sys.version).__name__, sys.version.startswith(str(sys.version_info[0])))
print("sys" in sys.modules, "__main__" in sys.modules, sys.modules["__main__"].__name__)
print(os.path.samefile(sys.path[0], os.getcwd()), type(sys.path).__name__)
print(sys.byteorder in ("little", "big"), type(sys.platform).__name__, sys.float_info.max > 1e308)
print(sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig)
print(sys.intern("hello") == "hello", callable(sys.exit))
print(sys.getdefaultencoding())
