# f-strings: expressions of every kind inside braces, nested quotes, calls,
# subscripts, conditional expressions, doubled braces, and adjacent
# literal concatenation.
name, n, items = "World", 42, [1, 2, 3]
print(f"Hello, {name}!", f"{n + 1}", f"{n * 2 = }", f"{items[0]} {items[-1]}", f"{len(items)}")
d = {"key": "value", "n": 5}
print(f"{d['key']} {d['n'] ** 2}", f'{d["key"]}', f"{'nested' + ' quotes'}")
print(f"{'yes' if n > 40 else 'no'}", f"{[x * 2 for x in items]}", f"{ {'a': 1} }", f"{(1, 2)}")
print(f"{{literal braces}} {{{n}}} }}{{", f"{{}}")
print(f"{name.upper()}{name.lower():>10}", f"{name!r:>10}")
print(f"multi" f"ple {n}" " plain" f" end")
print(f"{3.14159:.2f} {n:05d} {n:x} {n:b} {1234567:,} {0.25:%}")
x = 10
print(f"{x}" * 2, f"{x:{x}}", f"{'-' * 3}", f"{x!s:>{x // 2}}")
print(f"{None} {True} {1.0} {b'bytes'} {[]} {()} {set()}")
print(f"""triple {name}
line two {n}""")
print(rf"raw \n {name}", fr"\t{n}")
print(f"{(lambda v: v * 3)(3)}")
print(f"{n:{'>'}{10}}", f"{n!r}", f"{'a' 'b'}")
