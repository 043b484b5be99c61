# time: the functions exist, return the right types, are monotonic; sleep waits; nothing time-dependent printed.
import time

t1 = time.time()
p1 = time.perf_counter()
n1 = time.perf_counter_ns()
m1 = time.monotonic()
print(type(t1).__name__, type(p1).__name__, type(n1).__name__, type(m1).__name__)
print(t1 > 1.6e9, n1 >= 0)
time.sleep(0.01)
time.sleep(0)
t2 = time.time()
p2 = time.perf_counter()
n2 = time.perf_counter_ns()
m2 = time.monotonic()
print(p2 >= p1, n2 >= n1, m2 >= m1, p2 - p1 >= 0.009, t2 >= t1 - 1)
print(all(time.perf_counter() <= time.perf_counter() for _ in range(100)))
print(callable(time.sleep), callable(time.time_ns), type(time.time_ns()).__name__)
try:
    time.sleep(-1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    time.sleep("1")
except TypeError as e:
    print(type(e).__name__)
start = time.perf_counter()
total = sum(range(10000))
elapsed = time.perf_counter() - start
print(total, elapsed >= 0)
