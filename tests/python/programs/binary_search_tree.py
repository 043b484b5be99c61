# A binary search tree: insert, search, delete (leaf, one child, two
# children), in/pre/post-order traversals as generators, height, min/max,
# range queries, and a sideways text drawing.
class Node:
    def __init__(self, key, value):
        self.key, self.value = key, value
        self.left = self.right = None
class BST:
    def __init__(self):
        self.root = None
        self.size = 0
    def insert(self, key, value=None):
        def go(node):
            if node is None:
                self.size += 1
                return Node(key, value)
            if key < node.key:
                node.left = go(node.left)
            elif key > node.key:
                node.right = go(node.right)
            else:
                node.value = value
            return node
        self.root = go(self.root)
    def find(self, key):
        node = self.root
        while node:
            if key == node.key:
                return node.value
            node = node.left if key < node.key else node.right
        raise KeyError(key)
    def delete(self, key):
        def go(node, key):
            if node is None:
                raise KeyError(key)
            if key < node.key:
                node.left = go(node.left, key)
            elif key > node.key:
                node.right = go(node.right, key)
            else:
                if node.left is None:
                    return node.right
                if node.right is None:
                    return node.left
                succ = node.right
                while succ.left:
                    succ = succ.left
                node.key, node.value = succ.key, succ.value
                node.right = go(node.right, succ.key)
            return node
        self.root = go(self.root, key)
        self.size -= 1
    def inorder(self, node="root"):
        node = self.root if node == "root" else node
        if node:
            yield from self.inorder(node.left)
            yield node.key
            yield from self.inorder(node.right)
    def preorder(self, node="root"):
        node = self.root if node == "root" else node
        if node:
            yield node.key
            yield from self.preorder(node.left)
            yield from self.preorder(node.right)
    def postorder(self, node="root"):
        node = self.root if node == "root" else node
        if node:
            yield from self.postorder(node.left)
            yield from self.postorder(node.right)
            yield node.key
    def height(self, node="root"):
        node = self.root if node == "root" else node
        return 0 if node is None else 1 + max(self.height(node.left), self.height(node.right))
    def range(self, lo, hi):
        return [k for k in self.inorder() if lo <= k <= hi]
    def draw(self, node="root", depth=0, lines=None):
        node = self.root if node == "root" else node
        lines = [] if lines is None else lines
        if node:
            self.draw(node.right, depth + 1, lines)
            lines.append("    " * depth + str(node.key))
            self.draw(node.left, depth + 1, lines)
        return lines
t = BST()
for k in [50, 30, 70, 20, 40, 60, 80, 35, 45, 65]:
    t.insert(k, f"v{k}")
print(list(t.inorder()), t.size, t.height())
print(list(t.preorder()))
print(list(t.postorder()))
print("\n".join(t.draw()))
print(t.find(45), t.range(33, 66))
for k in [20, 30, 50, 99]:
    try:
        t.delete(k)
        print("deleted", k, list(t.inorder()), "root", t.root.key, "size", t.size)
    except KeyError as e:
        print("KeyError", e)
try:
    t.find(50)
except KeyError as e:
    print("KeyError", e)
t.insert(65, "updated")
print(t.find(65), t.size)
