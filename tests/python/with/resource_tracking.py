# A realistic use of with: a pool of resources acquired and released
# around work that sometimes fails, checked by counters after each step.
class Pool:
    def __init__(self, size):
        self.free = list(range(size))
        self.in_use = set()
    def acquire(self):
        pool = self
        class Lease:
            def __enter__(self):
                if not pool.free:
                    raise RuntimeError("pool exhausted")
                self.conn = pool.free.pop(0)
                pool.in_use.add(self.conn)
                return self.conn
            def __exit__(self, exc_type, exc, tb):
                pool.in_use.discard(self.conn)
                pool.free.append(self.conn)
                return False
        return Lease()
pool = Pool(2)
results = []
for job in range(5):
    try:
        with pool.acquire() as conn:
            if job % 3 == 2:
                raise ValueError(f"job {job} failed on conn {conn}")
            results.append((job, conn))
    except ValueError as e:
        results.append(str(e))
    print(job, sorted(pool.free), sorted(pool.in_use))
print(results)
with pool.acquire() as a:
    with pool.acquire() as b:
        try:
            with pool.acquire():
                pass
        except RuntimeError as e:
            print(type(e).__name__, e, a, b)
print(sorted(pool.free))
