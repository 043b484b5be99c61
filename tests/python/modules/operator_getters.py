# operator.itemgetter, attrgetter (dotted, several) and methodcaller for sorting and mapping.
from operator import itemgetter, attrgetter, methodcaller

rows = [("bob", 25, "NY"), ("amy", 31, "LA"), ("cal", 25, "SF")]
print(sorted(rows, key=itemgetter(1)), sorted(rows, key=itemgetter(1, 0)))
print(itemgetter(0)("xyz"), itemgetter(-1, 0)([1, 2, 3]), itemgetter("k")({"k": "v"}), itemgetter(slice(1, 3))("abcd"))
print(list(map(itemgetter(2), rows)))


class Addr:
    def __init__(self, city):
        self.city = city


class Person:
    def __init__(self, name, age, city):
        self.name, self.age, self.addr = name, age, Addr(city)


people = [Person(*r) for r in rows]
print([p.name for p in sorted(people, key=attrgetter("age", "name"))])
print(attrgetter("addr.city")(people[0]), attrgetter("name", "addr.city")(people[1]))
print(methodcaller("upper")("abc"), methodcaller("split", ",")("a,b,c"), methodcaller("replace", "a", maxsplit=0) is not None)
print(list(map(methodcaller("strip", "*"), ["*a*", "**b"])), methodcaller("count", "s")("mississippi"))
try:
    itemgetter(5)([1])
except IndexError as e:
    print(type(e).__name__, e)
try:
    attrgetter("missing")(people[0])
except AttributeError as e:
    print(type(e).__name__, e)
try:
    methodcaller("nope")(1)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    itemgetter()
except TypeError as e:
    print(type(e).__name__, e)
