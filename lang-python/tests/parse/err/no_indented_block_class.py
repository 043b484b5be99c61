class A:

pass
