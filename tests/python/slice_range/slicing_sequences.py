# One slicing engine for every sequence: the same slices applied to a
# list, tuple, str, bytes, bytearray and range must select the same
# positions, including huge and negative bounds.
seqs = [list(range(8)), tuple(range(8)), "01234567", b"01234567", bytearray(b"01234567"), range(8)]
slices = [slice(None), slice(2, 5), slice(-3, None), slice(None, None, 2), slice(None, None, -3), slice(6, 1, -2),
          slice(-100, 100, 3), slice(100, -100, -1), slice(5, 5), slice(1, -1)]
for sl in slices:
    picked = [list(s[sl]) for s in seqs]
    as_ints = [[int(chr(v)) if isinstance(seq, (bytes, bytearray)) else int(v) for v in p] for p, seq in zip(picked, seqs)]
    print(sl, as_ints[0], all(a == as_ints[0] for a in as_ints))
print([type(s[1:3]).__name__ for s in seqs])
