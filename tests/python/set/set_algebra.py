# Set algebra identities checked on small int sets: De Morgan's laws,
# distributivity, symmetric difference via union and intersection, and
# the partial order of subsets, with all results printed sorted.
U = set(range(12))
A = {x for x in U if x % 2 == 0}
B = {x for x in U if x % 3 == 0}
C = {x for x in U if x < 6}
print(sorted(A), sorted(B), sorted(C))
print(U - (A | B) == (U - A) & (U - B), U - (A & B) == (U - A) | (U - B))
print(A & (B | C) == (A & B) | (A & C), A | (B & C) == (A | B) & (A | C))
print(A ^ B == (A | B) - (A & B), sorted(A ^ B ^ C), (A ^ B) ^ B == A)
print(A & B <= A, A <= A | B, (A & B) < A, A < A, set() <= A, A >= set(), A.isdisjoint(U - A))
print(len(A | B | C), len(A) + len(B) + len(C) - len(A & B) - len(A & C) - len(B & C) + len(A & B & C))
powerset = [set()]
for x in [1, 2, 3]:
    powerset += [s | {x} for s in powerset]
print(len(powerset), sorted(sorted(s) for s in powerset))
print(sorted(map(sorted, [A & B, A - B, B - A])))
