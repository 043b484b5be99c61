# A singly linked list class with an iterator class and a generator-based
# reverse iterator, __len__, __getitem__ with negatives, __contains__,
# __eq__, append/prepend/remove/reverse in place, and __repr__.
class Node:
    __slots__ = ("value", "next")
    def __init__(self, value, next=None):
        self.value, self.next = value, next
class LinkedListIterator:
    def __init__(self, node):
        self.node = node
    def __iter__(self):
        return self
    def __next__(self):
        if self.node is None:
            raise StopIteration
        value, self.node = self.node.value, self.node.next
        return value
class LinkedList:
    def __init__(self, items=()):
        self.head = None
        self.size = 0
        for item in items:
            self.append(item)
    def append(self, value):
        node = Node(value)
        if self.head is None:
            self.head = node
        else:
            cur = self.head
            while cur.next:
                cur = cur.next
            cur.next = node
        self.size += 1
    def prepend(self, value):
        self.head = Node(value, self.head)
        self.size += 1
    def remove(self, value):
        prev, cur = None, self.head
        while cur:
            if cur.value == value:
                if prev:
                    prev.next = cur.next
                else:
                    self.head = cur.next
                self.size -= 1
                return
            prev, cur = cur, cur.next
        raise ValueError(f"{value!r} not in list")
    def reverse(self):
        prev, cur = None, self.head
        while cur:
            cur.next, prev, cur = prev, cur, cur.next
        self.head = prev
    def __iter__(self):
        return LinkedListIterator(self.head)
    def reversed_values(self):
        def walk(node):
            if node:
                yield from walk(node.next)
                yield node.value
        return walk(self.head)
    def __len__(self):
        return self.size
    def __getitem__(self, i):
        if i < 0:
            i += self.size
        if not 0 <= i < self.size:
            raise IndexError("linked list index out of range")
        for j, v in enumerate(self):
            if j == i:
                return v
    def __contains__(self, value):
        return any(v == value for v in self)
    def __eq__(self, other):
        return isinstance(other, LinkedList) and list(self) == list(other)
    def __repr__(self):
        return "LinkedList([" + ", ".join(repr(v) for v in self) + "])"
ll = LinkedList([3, 1, 4])
ll.append(1)
ll.prepend(9)
print(ll, len(ll), ll[0], ll[-1], ll[2], 4 in ll, 7 in ll)
ll.remove(1)
print(ll, list(ll.reversed_values()))
ll.reverse()
print(ll, ll == LinkedList([1, 4, 3, 9]), ll == [1, 4, 3, 9])
for bad in [lambda: ll.remove(42), lambda: ll[10], lambda: LinkedList()[0]]:
    try:
        bad()
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)
it = iter(ll)
print(next(it), next(it), list(it), list(it))
print(sorted(ll), sum(ll), max(ll), [x * 2 for x in ll], dict(zip(ll, "abcd")))
empty = LinkedList()
print(empty, len(empty), bool(empty), list(empty.reversed_values()))
