# A discrete-event simulation of a checkout queue with a deterministic
# linear congruential generator: customers arrive, wait for one of two
# cashiers, get served; events kept in a sorted list; statistics at the end.
class LCG:
    def __init__(self, seed):
        self.state = seed
    def next(self):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) % 2 ** 64
        return self.state >> 33
    def uniform(self, lo, hi):
        return lo + (hi - lo) * (self.next() % 10000) / 10000
class Sim:
    def __init__(self, cashiers, seed):
        self.rng = LCG(seed)
        self.time = 0.0
        self.events = []
        self.queue = []
        self.free = list(range(cashiers))
        self.waits = []
        self.served = [0] * cashiers
        self.seq = 0
    def schedule(self, t, kind, data):
        self.seq += 1
        self.events.append((t, self.seq, kind, data))
        self.events.sort()
    def run(self, customers):
        t = 0.0
        for c in range(customers):
            t += self.rng.uniform(0.5, 3.0)
            self.schedule(t, "arrive", c)
        while self.events:
            self.time, _, kind, data = self.events.pop(0)
            getattr(self, kind)(data)
    def arrive(self, c):
        self.queue.append((c, self.time))
        self.start_service()
    def start_service(self):
        while self.queue and self.free:
            c, arrived = self.queue.pop(0)
            k = self.free.pop(0)
            self.waits.append(self.time - arrived)
            self.served[k] += 1
            self.schedule(self.time + self.rng.uniform(1.0, 5.0), "depart", k)
    def depart(self, k):
        self.free.append(k)
        self.free.sort()
        self.start_service()
for cashiers in (1, 2, 3):
    sim = Sim(cashiers, seed=2024)
    sim.run(40)
    w = sim.waits
    print(f"cashiers={cashiers} served={sim.served} end={sim.time:.2f} "
          f"avg_wait={sum(w) / len(w):.3f} max_wait={max(w):.3f} waited={sum(1 for x in w if x > 0)}")
r = LCG(1)
print([r.next() % 100 for _ in range(10)])
