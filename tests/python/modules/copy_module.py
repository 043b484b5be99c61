# copy.copy vs copy.deepcopy: nested lists/dicts, shared references preserved by deepcopy, cycles, __copy__.
import copy

orig = {"nums": [1, 2, [3, 4]], "name": "x", "t": (1, [2])}
shallow = copy.copy(orig)
deep = copy.deepcopy(orig)
orig["nums"][2].append(5)
orig["t"][1].append(3)
orig["name"] = "changed"
print(shallow)
print(deep)
print(shallow["nums"] is orig["nums"], deep["nums"] is orig["nums"], shallow is orig)
shared = [0]
pair = [shared, shared]
dp = copy.deepcopy(pair)
print(dp[0] is dp[1], dp[0] is shared)
cyc = [1]
cyc.append(cyc)
cc = copy.deepcopy(cyc)
print(cc[1] is cc, cc is not cyc, repr(cc))
t = (1, 2, "immutable")
print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy((1, [2])) == (1, [2]))


class Node:
    def __init__(self, value, children=()):
        self.value = value
        self.children = list(children)


tree = Node(1, [Node(2), Node(3, [Node(4)])])
tc = copy.deepcopy(tree)
tree.children[1].children[0].value = 40
print(tc.children[1].children[0].value, copy.copy(tree).children is tree.children)


class Custom:
    def __init__(self, v):
        self.v = v

    def __copy__(self):
        print("__copy__ called")
        return Custom(self.v + ["copied"])

    def __deepcopy__(self, memo):
        print("__deepcopy__ called")
        return Custom(["deep"])


print(copy.copy(Custom([1])).v, copy.deepcopy(Custom([1])).v)
print(copy.deepcopy({1: {2: {3: [4]}}}), copy.copy(set([1, 2])) == {1, 2}, copy.copy([]) is not [])
