# random.choice, shuffle (in place, returns None) and choices after seeds: exact sequences, empty errors.
import random

random.seed(5)
letters = "abcdefghij"
print([random.choice(letters) for _ in range(30)])
print([random.choice([10, 20, 30]) for _ in range(15)])
print(random.choice(range(1000)), random.choice((None, True)))
deck = list(range(20))
print(random.shuffle(deck), deck)
random.shuffle(deck)
print(deck)
words = ["w%d" % i for i in range(10)]
random.seed(11)
random.shuffle(words)
print(words)
random.seed(11)
again = ["w%d" % i for i in range(10)]
random.shuffle(again)
print(again == words)
single = [1]
random.shuffle(single)
empty = []
random.shuffle(empty)
print(single, empty)
try:
    random.choice([])
except IndexError as e:
    print(type(e).__name__, e)
random.seed(8)
print(random.choices("xyz", k=10))
print(random.choices(range(5), weights=[1, 0, 0, 0, 5], k=10))
