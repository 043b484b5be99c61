# deques as work queues: breadth-first search, a round-robin scheduler, a palindrome check, a moving maximum (monotonic deque), and a long run through the ring's growth and shrinking.
from collections import deque


def bfs(graph, start):
    seen = {start: 0}
    todo = deque([start])
    while todo:
        node = todo.popleft()
        for nxt in graph[node]:
            if nxt not in seen:
                seen[nxt] = seen[node] + 1
                todo.append(nxt)
    return seen


graph = {i: [(i * 3 + 1) % 50, (i * 7 + 2) % 50, (i + 1) % 50] for i in range(50)}
dist = bfs(graph, 0)
print(len(dist), max(dist.values()), sum(dist.values()), [dist[i] for i in range(10)])


def scheduler(tasks, quantum):
    ready = deque(tasks)
    order = []
    while ready:
        name, left = ready.popleft()
        order.append(name)
        left -= quantum
        if left > 0:
            ready.append((name, left))
    return order


print("".join(scheduler([("a", 5), ("b", 2), ("c", 7), ("d", 1)], 2)))


def palindrome(text):
    chars = deque(c for c in text.lower() if c.isalnum())
    while len(chars) > 1:
        if chars.popleft() != chars.pop():
            return False
    return True


print([palindrome(s) for s in ["A man, a plan, a canal: Panama", "deque", "", "xyzzyx"]])


def moving_max(values, k):
    window = deque()
    out = []
    for i, v in enumerate(values):
        while window and values[window[-1]] <= v:
            window.pop()
        window.append(i)
        if window[0] <= i - k:
            window.popleft()
        if i >= k - 1:
            out.append(values[window[0]])
    return out


vals = [(i * 37) % 23 for i in range(40)]
print(moving_max(vals, 5))

q = deque()
total = 0
for round_ in range(30):
    for i in range(round_ * 50):
        q.append(i)
    for i in range(round_ * 30):
        q.appendleft(-i)
    while len(q) > 100:
        total += q.popleft() + q.pop()
print(len(q), total, q[0], q[-1], q[50])
while q:
    total += q.pop()
print(total, q)
