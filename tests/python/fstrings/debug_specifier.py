# The = specifier: prints the expression text (with its spacing), then the
# repr by default, or the formatted value when a spec or !s follows.
x, name = 7, "Ada"
print(f"{x=}", f"{x = }", f"{x*2=}", f"{x * 2 = }", f"{name=}", f"{name=!s}", f"{name = !r}")
print(f"{x=:5}|", f"{x=:>5}|", f"{3.14159=:.2f}", f"{name.upper()=}", f"{[x, x]=}")
items = {"a": 1}
print(f"{items['a']=}", f"{len(items)=}", f"{x > 5=}", f"{None=}")
