# Unbounded recursion through __eq__ (== on self-referential objects, list membership, list equality).
class Node:
    def __init__(self):
        self.other = self

    def __eq__(self, other):
        return self.other == other.other


a = Node()
try:
    a == Node()
except RecursionError as e:
    print("==", type(e).__name__)
try:
    Node() in [a]
except RecursionError as e:
    print("in", type(e).__name__)
try:
    [Node()] == [Node()]
except RecursionError as e:
    print("list ==", type(e).__name__)
try:
    {1: Node()} == {1: Node()}
except RecursionError as e:
    print("dict ==", type(e).__name__)
x = []
x.append(x)
y = []
y.append(y)
try:
    print(x == y)
except RecursionError as e:
    print("nested lists:", type(e).__name__)
print(x is x, "done")
