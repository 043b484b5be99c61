()
(1,)
(1, 2)
(1, 2,)
1, 2
1,
[]
[1]
[1, 2, 3]
[1, 2, 3,]
{}
{1: 2}
{1: 2, 3: 4,}
{1}
{1, 2}
{**a}
{**a, 'b': 1, **c}
{*a, *b}
[*a, *b, c]
(*a, b)
*a, b = c
[x for x in y]
[x for x in y if x]
[x for x in y if x if z]
[x for x in y for z in x]
[(x, z) for x in y if x for z in x if z]
{x for x in y}
{k: v for k, v in items}
{k: v for k in a for v in b}
(x for x in y)
(x for x in y if x)
[x for x, in y]
[x for (a, b) in y]
[x for [a, b] in y]
[x for *a, b in y]
[x for a.b in y]
[x for a[0] in y]
[[x for x in row] for row in m]
[lambda: x for x in y]
[x for x in y if (lambda: z)]
[(y := x) for x in z]
(((1)))
((1, 2), (3, 4))
[[1, 2], [3, 4]]
{'a': [1, {'b': (2,)}]}
(yield)
(yield x)
x = [
    1,
    2,
]
y = {
    'a': 1,  # comment
    'b': 2,
}
