# Lists of a million items built, grown, shrunk and rebuilt, many times
# over: storage grows and shrinks without losing or keeping items.
l = []
for i in range(10 ** 6):
    l.append(i)
print(len(l), l[0], l[-1], l[500000])
total = 0
while len(l) > 10:
    total += l.pop()
print(len(l), total)
l = [None] * 10 ** 6
print(len(l), l.count(None))
l[::2] = range(5 * 10 ** 5)
print(l[:6], sum(l[::2]))
del l[1::2]
print(len(l), l[-3:])
l += l
print(len(l), l[499999], l[500000])
del l[10:]
print(l)
big = [[i] for i in range(10 ** 5)]
print(sum(x[0] for x in big), len(big))
big[10:] = []
print(big)
squares = [i * i for i in range(10 ** 6)]
print(squares[-1], len(squares))
squares.reverse()
print(squares[:3])
squares.sort()
print(squares[:3], squares[-1])
