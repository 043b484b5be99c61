# A binary-heap priority queue written by hand: push/pop with (priority,
# insertion counter) so equal priorities stay FIFO, peek, len/bool,
# decrease by re-push with lazy deletion, and a heap sort built on it.
class PriorityQueue:
    REMOVED = "<removed>"
    def __init__(self):
        self.heap = []
        self.entries = {}
        self.counter = 0
    def _sift_up(self, i):
        heap = self.heap
        while i > 0:
            parent = (i - 1) // 2
            if heap[i][:2] < heap[parent][:2]:
                heap[i], heap[parent] = heap[parent], heap[i]
                i = parent
            else:
                break
    def _sift_down(self, i):
        heap, n = self.heap, len(self.heap)
        while True:
            smallest = i
            for child in (2 * i + 1, 2 * i + 2):
                if child < n and heap[child][:2] < heap[smallest][:2]:
                    smallest = child
            if smallest == i:
                return
            heap[i], heap[smallest] = heap[smallest], heap[i]
            i = smallest
    def push(self, item, priority):
        if item in self.entries:
            self.entries[item][2] = self.REMOVED
        entry = [priority, self.counter, item]
        self.counter += 1
        self.entries[item] = entry
        self.heap.append(entry)
        self._sift_up(len(self.heap) - 1)
    def pop(self):
        while self.heap:
            last = self.heap.pop()
            if self.heap:
                top, self.heap[0] = self.heap[0], last
                self._sift_down(0)
            else:
                top = last
            if top[2] is not self.REMOVED:
                del self.entries[top[2]]
                return top[2], top[0]
        raise IndexError("pop from an empty priority queue")
    def __len__(self):
        return len(self.entries)
pq = PriorityQueue()
for item, pr in [("write", 3), ("read", 1), ("sleep", 5), ("eat", 1), ("code", 2), ("test", 2)]:
    pq.push(item, pr)
pq.push("sleep", 0)
print(len(pq), bool(pq))
while pq:
    print(pq.pop())
try:
    pq.pop()
except IndexError as e:
    print("IndexError:", e)
def heap_sort(values):
    q = PriorityQueue()
    for i, v in enumerate(values):
        q.push(i, v)
    return [values[q.pop()[0]] for _ in range(len(values))]
data = [(i * 37) % 101 - 50 for i in range(40)]
print(heap_sort(data))
print(heap_sort(data) == sorted(data))
