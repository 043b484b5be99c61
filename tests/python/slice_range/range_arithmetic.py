# range objects as values: equality by the sequence they produce, bool,
# reversed/sorted/list equivalence, range attributes after slicing, and
# index arithmetic on large ranges without materialising them.
r = range(10, 100, 7)
print(len(r), r[5], r.index(45), 45 in r, 46 in r, r[-1], r[len(r) - 1] == r[-1])
s = r[2:8:2]
print(s, s.start, s.stop, s.step, list(s))
print(r[::-1], list(r[::-1])[:3], r[::-1][0] == r[-1])
print(range(0, 3) == range(0, 3, 1), range(0, 0) == range(10, 10), range(1, 10, 3) == range(1, 8, 3), range(2) == [0, 1])
huge = range(-10 ** 12, 10 ** 12, 999)
print(len(huge), huge[123456789], 0 in huge, -10 ** 12 + 999 * 5 in huge, huge.index(-10 ** 12 + 999 * 77))
print(sum(range(0, 101, 5)), list(map(lambda i: i * i, range(5))), sorted(range(5, 0, -1)))
print(list(range(5))[::2] == list(range(5)[::2]), range(5)[::2])
