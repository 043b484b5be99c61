# Expressions generated at random (operators, precedence, displays, calls,
# comprehensions, slices) and kept where CPython parses them.
r0 = b'b'
r1 = [1, 2]
r2 = ~a[1] is not ~f(a) & b'b' != ~f(a) > a[1]
r3 = ((y // 2.5 & -[1, 2]))
r4 = x
r5 = ~{1: 2}
r6 = a[1:2] < "s" == b'b' not in f(a) is -a.b if y else x[+a.b:(True is 1 <= a[1][f(a):b'b'])]
r7 = True if None else (x[(1,):y]) or f"{x}" > {1: 2} * {1: 2}[True:-y]
r8 = f"{x}" * (True[...:y]) if [f(1, *[1, 2], k=a.b, **a[1:2]) for v in ~"s" if x in y] is not ~1 >> ... else f"{x}" not in "s" | (y := 3) + True
r9 = (y := 3) % "s" or [1, 2] and a.b or not y
r10 = y ** x - a[1] ^ (1,)[~True | y <= {1: 2}:-2.5 % f(a) if None else a.b][-{3} <= a[1:2] + a.b:(not [lambda: 0 for v in f"{x}" if y])]
r11 = (None)
r12 = {1: 2} // [a[1:2] for v in True if (y := 3)][-x:b'b'] / "s"
r13 = f"{x}" if (2.5) else [None for v in None if a.b] | 1 if "s"[x:{1: 2}] ^ 1[{1: 2}:f(a)][{1: 2}:a.b if {1: 2} >= 1 else a.b * {3}] else 2.5 == {1: 2} and not True * "s" | f"{x}" or a[1:2]
r14 = (y := 3)[{1: 2}:{3}] + a[1:2] not in f((y := 3), *lambda: 0, k=y, **None) + [1, 2] if a[1:2] else x not in a.b
r15 = None
r16 = 2.5 not in b'b' not in a[1:2] - [1, 2] // x[~f((y := 3), *x, k=x, **b'b') and "s":f"{x}"[1:f(a)] / a[1:2] | f(True != "s", *not "s", k=(y), **None)]
r17 = +x == f(a) or (a[1]) != a[1:2][f(a):b'b'] if ((1,)) else None
r18 = [a[1] for v in x if (1,) - y] in a.b // +x >= ... ^ True
r19 = not [~y is not (y := 3) for v in f(lambda: 0, *{3} <= (1,), k=2.5 is not 1, **-1) if -... / (1,) >> f(a)]
r20 = a.b
r21 = f(1 // a[1] * {3} >= a[1:2] % {1: 2}, *{3}, k=-..., **+([a.b for v in f(a) if (y := 3)]))
r22 = ...
r23 = (1,)
r24 = ~-None if True // True[1:(1,) is b'b'] else ~a[1] is not y
r25 = +(f((y := 3), *f(a), k=(y := 3), **a.b)) - "s" >> None not in {1: 2} % f(a)
r26 = [~(x) for v in {1: 2} if not [y for v in True if f"{x}"]] + a[1:2] >= 2.5[(True):f(None, *True, k=lambda: 0, **1)] in 2.5 | f"{x}" <= [y for v in ... if {3}]
r27 = x ** -x not in (y := 3) if (1,) else (y := 3) <= f((1,) > None, *(None), k=a[1], **a[1:2] + y)
r28 = ---f(f(a), *..., k=(1,), **{3})
r29 = "s" in -1
r30 = not (1,) <= a[1] < a.b <= (1,) << [[... for v in "s" if "s"][(1,) if a[1] else ...:[1, 2]] for v in a[1:2] if (y := 3) > y ** None]
r31 = -(y := 3) | b'b' if None < y else -True & None / True * 2.5 not in [a.b for v in ... if [1, 2]] if ... else True in {1: 2}
r32 = (+(b'b' != (1,)))
r33 = ((x == b'b'[(f(a)):[(y := 3) for v in (y := 3) if a.b]]))
r34 = (1,)
r35 = ((f(f"{x}", *..., k=... * a[1], **True + (y := 3))))
r36 = not {1: 2} == y not in ... & {3} is [1, 2] <= (a[1:2])
r37 = 2.5
r38 = f"{x}" < ... if {3} else 2.5 / (1,) >> +y[[1, 2]:[1, 2]] ^ ...
r39 = not [f(a) for v in (a[1]) == [1, 2] and {3} if {1: 2}]
r40 = True >= {3} <= {1: 2} > {3} | (y := 3) if (1,) & f"{x}" else {1: 2} << None[~1:((1,))[(y):+None][(True or {1: 2}):f(a[1] < 2.5, *(1,) & a[1], k=True[1:{3}], **(f(a)))]]
r41 = [[1, 2] if {3} else lambda: 0["s" == {1: 2}:f((y := 3), *{1: 2}, k=x, **"s")] for v in (a[1:2]) not in b'b' if not +a.b] | x[None:f"{x}"] or [1, 2] * a.b[1 * -None:f([a[1:2] for v in True if (y := 3)], *None[1:f(a)], k=lambda: 0 if a[1:2] else True, **"s" != (y := 3))]
r42 = None
r43 = (not f"{x}") * --2.5 < [True for v in [True for v in a[1:2] if a[1]] if 2.5]
r44 = ~+b'b'[None:2.5][(...) <= x == [1, 2]:f(b'b', *a.b, k=f"{x}", **2.5) is not a[1][f"{x}":a[1]]]
r45 = [1, 2]
r46 = ~{3}
r47 = "s"[... if y else (1,):f(True, *{1: 2}, k=True, **(1,))][b'b':f([1, 2], *x, k=y, **...) if 2.5 != x else lambda: 0 if a.b else {3}][([-(y := 3) for v in [lambda: 0 for v in {1: 2} if None] if y[1:a[1]]]):[... not in "s" for v in a[1] <= f"{x}" if f(... if [1, 2] else 2.5, *(1,) and True, k=(1), **lambda: 0)]]
r48 = [a[1] and a[1] * a[1:2] * (y := 3) for v in not f"{x}" if -[a.b for v in a.b if b'b'] @ b'b' < a[1]]
r49 = ~b'b' << [1, 2] < b'b' if [1, 2] else {3} - -None[a[1:2]:(y := 3)] <= (1,) if [1 for v in (1,) if a.b] else None is not (1,)
r50 = a[1]
r51 = ... is not "s"
r52 = 1
r53 = [{1: 2} * a[1:2] for v in True < x if ["s" for v in x if ...]] | (f"{x}" ^ True) or f"{x}"
r54 = (1,)
r55 = -f"{x}" not in "s" == f(a)[None:1] - a.b not in x
r56 = y
r57 = (x) >> [b'b' for v in [1, 2] if a[1]] <= f(a[1], *b'b', k=[1, 2], **None) <= ~a.b or (([{3} for v in (y := 3) if None]))
r58 = [None[{1: 2}:1] for v in [a[1] for v in a.b if True] if f"{x}"] < None if ([(1,) for v in {3} if True] | f(y, *None, k=y, **b'b')) else lambda: 0 if ... else b'b' ** f"{x}"[[1, 2]:b'b'] or -{3} <= y
r59 = (y := 3) >> ~(not 1)
r60 = lambda: 0
r61 = -2.5
r62 = (x)
r63 = a[1] // (1,) if True else None - (1,) << f(y, *f"{x}", k=b'b', **"s") is not (b'b') >> True % {1: 2} if f"{x}" ^ f"{x}" else +b'b'
r64 = [lambda: 0 | a[1] % ... for v in 2.5 and b'b' - (1,) or [1, 2] if [True @ f"{x}" for v in -f(a) if [1, 2]]] is "s"
r65 = x != f(a)
r66 = a[1]
r67 = not (None) + "s"[(y := 3):None] is 2.5
r68 = b'b' is not b'b' or a[1]
r69 = (None)
r70 = f(lambda: 0, *((y := 3)), k="s"[...:{3}], **[f"{x}" for v in x if 2.5])[... // a.b != 2.5 ^ y:(y := 3)][None:x <= a[1] == {3} in (y := 3) is (f(..., *2.5, k=True, **(y := 3)))]
r71 = a[1:2]["s" / None > ((y := 3)) % -{1: 2}[x:[1, 2]]:[b'b' for v in a[1] if [1, 2]] and (y := 3)[None:{1: 2}] is -b'b' % True]
r72 = lambda: 0
r73 = 2.5
r74 = (f([f(a) // (1,) for v in 2.5 and x if not "s"], *1[1:b'b'] if [1, 2] else f(a) is b'b', k=True == a[1], **f"{x}" / 2.5 is not ...))
r75 = f(a) >> [{3}[...:(y := 3)] for v in None ^ a[1] if not (1,)] if f(f({3}, *y, k=f(a), **{1: 2}), *[x for v in (1,) if {3}], k=(1,), **a[1:2]) else [1 for v in {1: 2} if "s"] / f(a) <= {1: 2}
r76 = None
r77 = +({3}) <= ([1, 2]) & -b'b'
r78 = [y for v in 2.5 if ...] * ({1: 2}) // (1,) if x else (1,) > "s" is not (y := 3)
r79 = (1,) | f(f"{x}" in 2.5, *lambda: 0 % {3}, k={3} / 1, **b'b' <= (1,)) if y << a.b % a.b else ~{3} > [1, 2] is not (1,)
r80 = (a.b[b'b':a[1]] >= ... if 1 else f"{x}" >= a[1] is {1: 2} is True if x else ...)
r81 = f(a)[f(lambda: 0 << {1: 2}, *..., k=(2.5), **1 > None) or a.b > a.b:+~{1: 2} or (1,)]
r82 = -(1,)
r83 = a[1:2]
r84 = (~f"{x}" >= [1, 2]) @ [f(-2.5, *(1,) >= a[1], k=f(True, *a.b, k=a.b, **a.b), **lambda: 0) for v in not 1 if ... ** [1, 2] <= {1: 2}]
r85 = not ~x or x if [1, 2] else [1, 2] <= {1: 2} if [1, 2] else lambda: 0 >> f"{x}"
r86 = a.b << {1: 2}
r87 = (True[{1: 2}:f"{x}"])[x[None:2.5] >> 1 - b'b':not f(a) is not f([1, 2], *a[1], k=x, **lambda: 0)] / [(y := 3) for v in "s" if {3}] is not y << +2.5
r88 = (1,)
r89 = ... if f"{x}" is not f((a[1:2]), *{3}, k=f([1, 2], *x, k={3}, **f(a)), **"s" ^ x) else a[1]
r90 = +-[y - a[1] for v in (1,) ^ (1,) if [f(a) for v in ... if f"{x}"]]
r91 = 2.5 ^ f"{x}" | (y := 3) ^ [f(a) for v in 2.5 if 1] - +[f"{x}" for v in (1,)[{3}:f(a)] if 2.5 & (1,)]
r92 = y
r93 = [b'b' is f((y), *2.5, k=f(a) is not None, **y % y) for v in -f(f"{x}", *{3}, k=2.5, **b'b')[[y for v in {1: 2} if x]:~a.b] if f(not [a.b for v in a[1] if f(a)], *(f"{x}" * "s"), k=...[f(a):x] ** 1[lambda: 0:{3}], **1 & a[1] * (y := 3))]
r94 = lambda: 0 > 1 @ (True) // {3} + y in 1[True[f"{x}":f"{x}"]:y if "s" else (y := 3)] < 1
r95 = f"{x}"
r96 = f"{x}"
r97 = x
r98 = True in "s" or ([1, 2]) // a[1:2] <= a.b ** y
r99 = (1,)
r100 = ~f(f([1, 2] @ [1, 2], *1, k=((1,)), **f([1, 2], *(1,), k=None, **None)), *f(True if (y := 3) else x, *{1: 2} if "s" else {3}, k=f(a), **~[1, 2]), k=f(lambda: 0, *f"{x}", k=a[1], **2.5) if None + a[1] else ~(1,), **{3} not in "s" if not True else f(a) @ a[1:2])
r101 = ...
r102 = ([(y := 3) for v in [1, 2] if a[1]]) != f(b'b', *True is not (y := 3), k=not {3}, **f(b'b', *x, k=1, **a[1])) // -[1, 2] if [1, 2] else [1, 2] if +a.b else lambda: 0
r103 = f(a)[None < (True < (y := 3)):{3}]
r104 = 2.5
r105 = +None
r106 = 2.5
r107 = +y if [1, 2] >> ... else None is True is not (([1, 2] not in a[1]))
r108 = (1 + a[1][a[1:2]:(y := 3)])[{1: 2}:~a[1:2] % y == x <= (y := 3) != a[1]]
r109 = y[(a[1:2]) <= a.b:f(a) == a.b / (1,)] ** x or f(a) if +a[1] else not [1, 2] * ["s" for v in (1,) if {3}][y == a[1]:~y]
r110 = {1: 2} >> f(a)[[1, 2]:+[(2.5) for v in {3} is True if x != 1]]
r111 = (+a.b is not (1,) // [(1,) for v in {3} if y] * True is y)
r112 = {1: 2} % f(a[1:2], *y, k=(y := 3), **x) if f(a[1:2], *f(a), k=(y := 3), **x) else 1 is not b'b' in {1: 2} if True else y ** (y := 3) is {1: 2}
r113 = f({1: 2} if a.b else a[1], *y in a[1], k=not True, **[f(a) for v in {1: 2} if ...]) | f(x[None:"s"], *a[1], k=x is not "s", **2.5["s":None]) <= [1, 2] / (not f"{x}")
r114 = [... for v in x if y[+1:-"s"] | True]
r115 = -([1, 2] >= f(a) >= y ** {3})
r116 = y
r117 = {1: 2}
r118 = -f(not (x), *1 >= [1, 2][2.5:None], k=~a[1] == ~f(a), **(1,))
r119 = f(f(+f([1, 2], *b'b', k=lambda: 0, **1), *None if ... else a[1:2][b'b':None is True], k=[1, 2] == +{1: 2}, **True[lambda: 0:f"{x}"] if a[1:2] <= 2.5 else 2.5 << x), *None, k=[True % +{3} for v in "s" is not x - {1: 2} if ((1,)) in x], **(f"{x}") > b'b' - a[1:2] * a.b << a.b and (1,) == a[1:2])
r120 = [None for v in (y := 3)[b'b':b'b'] if (y := 3) is f(a)] != ... not in 1 ^ {3} == "s" if a[1] else -x
r121 = (a.b) & (f"{x}" <= None <= (1))
r122 = [1, 2] in {3} + f(f"{x}", *a.b, k=f(a), **f(a)) < y == -[True for v in y - ... if a[1] % x]
r123 = [f"{x}"[{3}:2.5] - -a[1] for v in (f"{x}") // [x for v in (1,) if a[1]] if ... // "s" is {3} << a.b] if b'b' else ((1,) >= a[1]) >> 2.5
r124 = [1, 2] << +(y := 3)
r125 = not a[1][b'b':f(a)] if a.b[2.5:2.5] else +(y := 3) | ...
r126 = lambda: 0 @ (y := 3) is a.b is not f((y := 3), *a[1], k=True, **(y := 3)) | ("s") if (f(a) | x) ^ (b'b') + b'b' else None
r127 = (None << "s" >= [1, 2] // ... / (1,))
r128 = (1 is not 2.5) != (lambda: 0) is 2.5 or f"{x}" >> [1, 2] * (1,) == -y is [{3} for v in (1,) if [1, 2]]
r129 = (+f(f"{x}", *None, k=... > None, **x))
r130 = (1 is "s") - +{3} // b'b' is ({3} / True)
r131 = (f"{x}") >= [lambda: 0 ^ {3} if {1: 2}[x:a.b] else [None for v in None if f"{x}"] for v in (a.b) == -(y := 3) if +x | True]
r132 = (1,)
r133 = b'b'
r134 = -{3}[True:...] not in x ^ b'b'
r135 = ~True in 1 @ f((True), *(1,)[a[1]:True], k=f"{x}" - a[1:2], **x in True) and f(a) if [f(a) & b'b' for v in a[1:2] if 2.5 | 2.5] else f(b'b' > a.b, *[y for v in a[1:2] if "s"], k=None[a[1]:f"{x}"], **... if b'b' else 1)
r136 = 1 > a[1]
r137 = b'b'
r138 = (-True) % {1: 2}[-...:lambda: 0 & 2.5] * y
r139 = a[1] % ~a[1:2] ** -... + +(-b'b')
r140 = y[True // (y := 3)[("s"):a.b is {3}]:...[(y := 3):(1,)] > f((1,), *lambda: 0, k={3}, **True)] & (a[1][[1, 2] if (1,) else None:[1, 2] <= x])
r141 = +f"{x}" and 2.5 - (1,)[a[1:2]:"s"] if y else True
r142 = ("s" in f(a) <= None) - (not (f(a)))
r143 = 1
r144 = ~-1 and {1: 2} if ((1,)) else (...)
r145 = ~+[{3} for v in {1: 2} ** f(a) if 2.5 & True]
r146 = f(({1: 2}), *~a[1], k=a.b and [1, 2], **a[1:2]) not in (True) != -{1: 2} << 1
r147 = ([[(1,)[{3}:"s"] for v in 2.5 < x if (y)] for v in {3}[~f(a):a[1:2]] if (1 > f(a))])
r148 = (f(a[1:2] >= 1, *-{3}, k=f({1: 2}, *b'b', k=f(a), **{1: 2}), **y & True)) / ... & x
r149 = True
r150 = f((y := 3) == a.b, *True, k=[{1: 2} for v in ... if 1], **1["s":b'b']) != True if "s" else f(a) and (y := 3) | (1,)
r151 = [1, 2]
r152 = (y := 3)
r153 = y
r154 = f(not a[1] // x, *lambda: 0, k=(+a[1:2]), **True % ... or {1: 2} // f"{x}")[None @ [... for v in b'b' if a[1]] in a.b:(2.5 if "s" else "s")[f(2.5 - (y := 3), *2.5[1:b'b'], k=x, **[[1, 2] for v in a[1] if y]):+-{3}]]
r155 = "s"
r156 = "s"
r157 = f"{x}"
r158 = f([~x + (1,) is not True for v in (~x) if f((1,), *f(a), k=f(a), **True) & "s" < b'b'], *a.b[2.5:None] | a.b is not +[(1,) for v in {1: 2} if (y := 3)], k=a[1:2], **a[1] < True[{1: 2}:"s"][("s"):y >> {1: 2} is {3} - ...])
r159 = f(lambda: 0, *-[1, 2] / True[(lambda: 0):2.5 - x], k=x, **2.5)
r160 = f"{x}" if (y := 3) else [(y := 3) for v in 2.5 if (f((y := 3), *f(a), k=2.5, **f"{x}"))]
r161 = ((a[1] if f(a) else {1: 2} or 1))
r162 = ...
r163 = x
r164 = f(f((y := 3), *b'b', k=a[1], **f(a)), *[2.5 for v in ... if "s"], k=~1, **(True)) in ((y := 3) | 1) is y
r165 = +-[(y := 3) for v in True if y][y is [1, 2]:(a[1])]
r166 = {1: 2}
r167 = ((None))
r168 = ([1, 2][a.b:f(a)]) - a[1] & f"{x}" * ["s" for v in b'b' if a[1]][[1, 2] is not ((x)):f(True, *f(a) * None - a.b * (1,), k=~+True, **... << (y := 3) - [(1,) for v in 2.5 if [1, 2]])]
r169 = not True
r170 = b'b'
r171 = f"{x}" <= (True)
r172 = (f((y := 3), *..., k=a[1:2], **b'b'))[(y := 3):None] ^ [(1,) is not [1, 2] << None is a[1] for v in f(True or f(a), *None if 1 else (1,), k=lambda: 0, **a[1:2] % x) if a[1][(y):"s" in (1,)]]
r173 = ~a.b if b'b' else a[1:2] & True ^ ~f(x, *f(a), k=a[1:2], **a[1:2]) - "s"
r174 = f"{x}" if f"{x}" else [f(a) ** 2.5 for v in [1, 2] or f(a) if y] or {1: 2}[{1: 2}:"s"] << ...
r175 = +x if -f(b'b' ^ (1,), *(a.b), k=a.b ** True, **[1, 2] is not f"{x}") else not 2.5 | 2.5 and {3}
r176 = (-True[[1, 2]:2.5] | 2.5 or a.b @ 2.5)
r177 = +2.5 and f"{x}"
r178 = [... for v in a.b if [1, 2]] > (True) & 1 in [{3} for v in 1 if (1,)] ^ 2.5 % ... if x else True / b'b'[{3}:1]
r179 = [1, 2]
r180 = ((1,))
r181 = [a.b for v in y if None] if "s" >= {3} else +a[1:2] ** a[1] is not "s" + [1, 2] + x in 1[y:... & a[1:2]] if b'b'[...:"s"] // y else f(... and {1: 2}, *f((1,), *lambda: 0, k=b'b', **{1: 2}), k=-f"{x}", **+...)
r182 = None + ~a.b if 2.5 else None << (f((y := 3), *[1, 2], k=(y := 3), **x) * (1,)[a[1:2]:a[1:2]])
r183 = ~b'b' < 1 in a[1:2] - None ^ {3} & (1,) < b'b'
r184 = [None for v in a[1:2] == a[1:2] >= (y := 3) if y is x and a[1]] ^ (1,)
r185 = (y := 3)
r186 = (None) < f(a) if f(a) else 2.5 >= f([b'b' for v in {3} if f"{x}"], *(a.b), k=a.b is not [1, 2], **a[1]) ^ ([a[1:2] for v in f"{x}" if a.b][[2.5 for v in None if True]:a.b | None])
r187 = x in ({3} in (y := 3)) % (f(a)[{3}:y]) <= f(lambda: 0, *lambda: 0, k=(1,), **f"{x}")[[1, 2] ** f(a):[(y := 3) for v in f(a) if 2.5]]
r188 = True
r189 = x
r190 = (1)
r191 = ...
r192 = x
r193 = a[1]
r194 = a.b ^ f"{x}" ^ -1 if {1: 2} else None[2.5:[1, 2]] or a[1:2]
r195 = ~[True for v in [~f"{x}" for v in True <= b'b' if 1] if ((x))]
r196 = (y := 3)
r197 = 1
r198 = +y % ... / (y := 3)
r199 = b'b'
r200 = -True >> 2.5 and f"{x}" is not f"{x}" or y >= ...
r201 = (~f"{x}" << a[1] ** a[1:2] ^ True)
r202 = [1, 2]
r203 = f"{x}"
r204 = -f"{x}" / 2.5 or y if (y := 3) else f(a) * True >= (y := 3) > True
r205 = b'b'
r206 = x / ... if y else f(a) if (y := 3) not in (1,) else 2.5 if a.b else y in b'b' is not f(f"{x}", *..., k=..., **2.5)
r207 = a[1]
r208 = 1 != ([1, 2] >= a.b not in ~y)
r209 = [lambda: 0 for v in [1, 2] @ {3} | f(a) @ True if (f"{x}" if (y := 3) else None)] and a.b // True
r210 = ~~[1, 2][True >> a[1:2]:a[1]] not in 2.5 // x
r211 = a[1:2] if {3} else "s" in 1 if ~1 else a[1:2] // a[1] // a[1:2] in {1: 2} / (y := 3) / a[1] if {1: 2} == True is "s" ^ True else f("s", *2.5, k=f"{x}", **(y := 3)) if (True) else a[1:2] ^ ...
r212 = True
r213 = ...[{3} if f(a) else (y := 3):None or b'b'] != y // 1 ^ ((a[1]) == a[1] * True)
r214 = (not a[1] * b'b') * f"{x}" and (y := 3)[2.5[b'b':(y := 3)]:f"{x}" if (1,) else a.b] % [[None for v in f(a) if a[1]] for v in (2.5) if f"{x}"]
r215 = {3} << ~-(y := 3) if ... >= b'b' - {3} else [1, 2] if (y) else ...[...:f"{x}"]
r216 = not [1, 2] << 1 | a.b or a[1]
r217 = (1,) & "s"
r218 = (y := 3)
r219 = -[1, 2] > b'b' @ (None[(1,):lambda: 0]) << [1, 2]
r220 = {1: 2}
r221 = f(None, *(a[1:2]), k=... << (y := 3) | ("s"), **2.5 << {1: 2}) is not f(-"s" is a[1][[1, 2]:lambda: 0], *f({1: 2}, *None, k=[1, 2], **b'b') << ~..., k={1: 2}, **lambda: 0 // x & a[1:2] == a.b)
r222 = [f(x, *lambda: 0, k=(y := 3), **(1,)) is not -None for v in "s" if b'b'] and [None for v in {1: 2} if 1] << True if "s" else f(a) > f(1, *a[1], k=a[1:2], **None) is not [None for v in a[1] if (1,)]
r223 = [2.5 for v in {1: 2} if b'b'] >> f((y := 3), *a.b, k=[1, 2], **(y := 3)) & f(a) + None and 1[(None if f"{x}" else (y := 3) != y):f("s" > a.b, *a[1:2] >= b'b', k=(y := 3) or 1, **2.5 <= [1, 2]) - (y := 3) or None is not y]
r224 = lambda: 0 if not True ** {3} & (a.b) % {3} else [b'b' for v in "s" == (1,) / None if y >> b'b' + {3} / (y := 3)]
r225 = ((y := 3)) != (y := 3)
r226 = 1
r227 = [1, 2] * 2.5 not in b'b' and a.b if (y := 3)[x & (y := 3):[... for v in {3} if ...]] ** f(a[1], *b'b', k=x, **"s") > (y := 3)[{1: 2}:{1: 2}] else (~f(a)) or "s"
r228 = 2.5
r229 = 1
r230 = -(1,)
r231 = 1
r232 = +f(-... ^ +2.5, *((2.5)), k=-a.b if (y := 3) else True, **a[1])
r233 = (y := 3)
r234 = (a[1:2]) / ~a[1:2] | (1) or [1, 2]["s":2.5 % "s"]
r235 = (f(a))
r236 = f([1, 2] / x <= (a.b) + 2.5, *..., k=a.b, **f(a))
r237 = -+[{1: 2} for v in f(a) if (y := 3)] if a.b else a[1:2] ^ [1, 2]
r238 = f(f"{x}"[[1, 2]:a.b] == (y := 3) * (1,) > f"{x}"[2.5 << x:[2.5 for v in 2.5 if None]], *f(1, *1 & [1, 2], k=not f(a), **(a[1:2])) if -(a.b) else (y := 3), k={3}, **-b'b' * x - f(a.b, *a[1:2], k=(1,), **a[1]) or [{1: 2} for v in (y := 3) if (y := 3)])
r239 = {1: 2}
r240 = [1, 2]
r241 = "s"
r242 = ~...
r243 = y
r244 = f"{x}"
r245 = f"{x}"
r246 = +"s"
r247 = 1
r248 = +b'b'
r249 = not b'b' - +2.5[None:+a[1]] << [(y := 3) for v in [[1, 2] for v in x & y if f(a.b, *(y := 3), k=a.b, **(y := 3))] if (1,)]
r250 = f(2.5 and f(a), *(a.b[1:(y := 3)]), k=(y := 3) ** ... @ (lambda: 0), **(y or (y := 3))) > a[1] | x != a[1]
r251 = (1 % {3}) != ~(1,)
r252 = ~({3})
r253 = [1, 2]
r254 = (((y := 3) <= 1)) if [not a[1] << f"{x}" for v in (1)[-x:True + (1,)] if f"{x}"] else f(a)
r255 = a[1:2]
r256 = not f"{x}" if 2.5[b'b':y] else "s" not in a[1:2] or x
r257 = (a[1:2])
r258 = [1 * 2.5 <= b'b' ** a[1] >= [(1,) for v in x if "s"] | None >= y for v in not ~[1, 2] | f(["s" for v in 2.5 if ...], *lambda: 0 >= 1, k=lambda: 0, **a.b) if (f(True and 1, *... in x, k=("s"), **{1: 2} ** (1,)))]
r259 = (1,) if a.b else a[1] is f(1, *y, k="s", **{1: 2}) is not a[1:2] if (1,) else y > f"{x}" % [a.b if "s" else True for v in not f"{x}" if None in {3}] is {1: 2} is not ...["s":(y := 3) - None]
r260 = [1, 2] is y[f(a) in (True):-y not in b'b']
r261 = 2.5
r262 = (True if [1, 2] else a[1:2]) if {1: 2} - b'b' != 2.5 * (y := 3) else not 2.5 or "s" << ...[None << 1[a[1][x:...]:b'b' not in {1: 2}]:... < ~...]
r263 = ((1,))
r264 = [a[1:2] for v in not f(a.b, *x, k=f"{x}", **...) or (b'b') if [1, 2] % b'b' is not -True not in --a.b]
r265 = b'b'
r266 = (([(x) for v in [1, 2] - a.b if f(a) * ...]))
r267 = +(f((y := 3), *a[1], k=y, **(y := 3))) in None
r268 = (y := 3) @ None
r269 = (None)
r270 = True and [+f"{x}" ** (y := 3) for v in b'b' if not (1)]
r271 = f"{x}"
r272 = [1, 2]
r273 = ~(("s") or f(a) is f"{x}")
r274 = +[y for v in f((1,), *[1, 2], k=a[1], **a[1]) if (y := 3) or "s"][a[1:2]:f({3}, *b'b', k=y * x, **[2.5 for v in 1 if x])]
r275 = ~-{1: 2} is 2.5 > {3}
r276 = not +(y := 3) - None >= True
r277 = (f(a))
r278 = [1, 2]
r279 = (f([... for v in (y := 3) if None] if y else [a[1:2] for v in a.b if a[1]], *not 1, k=lambda: 0 not in a.b << [1, 2], **a.b))
r280 = (a[1]) is True if a[1:2] else lambda: 0 is True == y not in ~+(1,) - (1 & {3})
r281 = (+~True in a[1:2])
r282 = lambda: 0[a[1] + {1: 2}:(f"{x}")] < [y for v in y if (1,)] is not 1 if x else f"{x}" == f(a)
r283 = lambda: 0
r284 = f(~[1, 2] if 1 else lambda: 0 is not [b'b' for v in 1 if [1, 2]], *None, k=a[1:2] is not f({1: 2}, *a.b, k=x, **(1,)) > (x) != [None for v in y if y], **a.b | a.b < [1, 2] or (lambda: 0))
r285 = f([+a[1][x:{1: 2}] for v in f(a[1], *2.5, k=a[1], **"s") ** x if +f(..., *a[1:2], k=None, **(1,))], *{1: 2} != (1,) < (a.b)[a[1] @ {1: 2} is +2.5:"s"[x:{3}] > (y)], k={1: 2}, **...)
r286 = [x > [1, 2] for v in ([1, 2] >= x) if +2.5 + (y := 3)] | +True if y * {1: 2} else [1, 2] - {3} + a.b ** [1 for v in x if f"{x}"]
r287 = x
r288 = [1, 2]
r289 = ~[~b'b' is not 2.5 for v in not {3} if f(lambda: 0 << x, *None, k=f(True, *y, k=a[1], **{3}), **a[1:2] == True)]
r290 = [not y for v in 1 >= "s"[f({3} != {3}, *not {3}, k=(1,) >= None, **-1):not a.b if f(f(a), *lambda: 0, k=x, **{3}) else f(a)] if {1: 2} < ... >> f(a) not in (1,) < f(a)]
r291 = b'b' / f((y := 3), *1, k=(y := 3), **"s") - +[1, 2] is not a[1:2] ** {1: 2}[({1: 2} == {1: 2}):(...) * f"{x}"]
r292 = ~-(1,)
r293 = b'b'
r294 = [x for v in 2.5 if "s"] & [1, 2] @ None != f({1: 2}, *x, k=lambda: 0, **[1, 2]) is not {1: 2} <= (1,) != f"{x}"
r295 = +f(a) < {3}
r296 = a[1:2]
r297 = +(1,) + +... % y
r298 = y | a.b
r299 = [[2.5 for v in x[f([1, 2], *a.b, k=(1,), **None):~1] if 2.5["s":(y := 3)] @ f(a) + ...] for v in f({1: 2} != y, *(lambda: 0), k={3}[1:a.b], **~a[1]) and (f([1, 2], *b'b', k=lambda: 0, **a[1:2])) if f(f(a) if (1,) else True[lambda: 0[a[1]:(y := 3)]:{3}], *[lambda: 0 for v in 2.5 if (y := 3)] if 2.5 % (1,) else a[1] == y, k=(f"{x}") == "s", **y | (1,) // {1: 2})]
