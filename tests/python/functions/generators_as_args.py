# Passing generators and iterators to functions: consumption is shared
# (a second pass sees nothing), functions that accept any iterable, and
# argument unpacking of generators with *.
def total_and_count(iterable):
    total = count = 0
    for x in iterable:
        total += x
        count += 1
    return total, count
gen = (x * x for x in range(5))
print(total_and_count(gen), total_and_count(gen))
lst = [x * x for x in range(5)]
print(total_and_count(lst), total_and_count(lst))
it = iter(range(10))
print(total_and_count(x for x in it if x < 5), list(it))
def first_n(iterable, n):
    out = []
    for x in iterable:
        if len(out) >= n:
            break
        out.append(x)
    return out
shared = iter("abcdefgh")
print(first_n(shared, 3), first_n(shared, 3), first_n(shared, 3))
def show(*args):
    return args
print(show(*(i for i in range(4))), show(*map(str, range(3))), show(*zip("ab", "cd")))
print(max(x % 7 for x in range(20)), sorted(c for c in "hello"), dict((c, ord(c)) for c in "ab"))
