# itertools.product (repeat), permutations (r), combinations, combinations_with_replacement: order and counts.
from itertools import product, permutations, combinations, combinations_with_replacement as cwr

print(list(product("ab", [1, 2])), list(product(range(2), repeat=3)))
print(list(product()), list(product([])), list(product("ab", [])), len(list(product(range(3), range(4), range(5)))))
print(list(product("xy", repeat=2)), list(product([0, 1], "a", repeat=2)))
print(list(permutations([1, 2, 3])), list(permutations("abcd", 2)))
print(list(permutations(range(3), 0)), list(permutations(range(3), 4)), len(list(permutations(range(6)))))
print(list(combinations("abcd", 2)), list(combinations(range(5), 3)))
print(list(combinations([1, 2], 0)), list(combinations([1, 2], 3)), list(combinations([3, 1, 3], 2)))
print(list(cwr("abc", 2)), list(cwr([1, 2], 3)), list(cwr([], 2)), list(cwr([], 0)))
print(len(list(cwr(range(5), 3))), sum(1 for _ in combinations(range(10), 5)))
for f, args in [(permutations, ("ab", -1)), (combinations, ("ab", -1)), (product, ("ab",))]:
    try:
        print(list(f(*args, repeat=-1) if f is product else f(*args)))
    except ValueError as e:
        print(f.__name__, type(e).__name__, e)
print(["".join(p) for p in permutations("cab")])
print([a * b for a, b in product(range(1, 4), repeat=2)])
