# bench-arg: 60
# test-arg: 1
# Richards: Martin Richards' simulation of an operating system's task
# scheduler. Six tasks (an idle task, a worker, two handlers, two devices)
# pass work and device packets to each other through linked-list queues;
# the scheduler always runs the highest-priority task that can run. Written
# with one class per task kind and a control block per task, so that method
# calls on a few receiver classes, attribute access and linked-list walking
# are what is measured. The size is the number of rounds, each a fresh
# system whose idle task runs 2000 to 10000 times; prints the packets
# queued and the times a task held itself, in the last round and in total.
import sys

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(1, 7)
TASK_COUNT = 6
DEVICE_PACKET, WORK_PACKET = 0, 1
BUFFER_SIZE = 4


class Packet:
    def __init__(self, link, task_id, kind):
        self.link = link
        self.task_id = task_id
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFFER_SIZE

    def append_to(self, queue):
        """Puts this packet at the end of `queue`; returns the new head."""
        self.link = None
        if queue is None:
            return self
        last = queue
        while last.link is not None:
            last = last.link
        last.link = self
        return queue


class ControlBlock:
    """A task as the scheduler sees it: its priority, its queue of packets
    and three flags (packet pending, waiting, held)."""

    def __init__(self, link, task_id, priority, queue, task):
        self.link = link
        self.task_id = task_id
        self.priority = priority
        self.queue = queue
        self.packet_pending = queue is not None
        self.waiting = False
        self.held = False
        self.task = task

    def is_blocked(self):
        return self.held or (self.waiting and not self.packet_pending)

    def take_packet(self):
        """The packet at the head of the queue, if the task waits for one."""
        if not (self.waiting and self.packet_pending):
            return None
        packet = self.queue
        self.queue = packet.link
        self.packet_pending = self.queue is not None
        self.waiting = False
        return packet

    def add_packet(self, packet, current):
        """Queues `packet`; returns the task that should run next."""
        if self.queue is None:
            self.queue = packet
            packet.link = None
            self.packet_pending = True
            if self.priority > current.priority:
                return self
        else:
            self.queue = packet.append_to(self.queue)
        return current


class Scheduler:
    def __init__(self):
        self.blocks = [None] * (TASK_COUNT + 1)
        self.list_head = None
        self.current = None
        self.queue_count = 0
        self.hold_count = 0

    def add_task(self, task_id, priority, queue, task, waiting):
        block = ControlBlock(self.list_head, task_id, priority, queue, task)
        block.waiting = waiting
        self.list_head = block
        self.blocks[task_id] = block

    def run(self):
        block = self.list_head
        while block is not None:
            if block.is_blocked():
                block = block.link
            else:
                if block.waiting:
                    packet = block.take_packet()
                else:
                    packet = None
                self.current = block
                block = block.task.run(self, packet)

    # The operations a task may ask of the scheduler; each returns the
    # control block to run next.
    def hold_self(self):
        self.hold_count += 1
        self.current.held = True
        return self.current.link

    def wait(self):
        self.current.waiting = True
        return self.current

    def release(self, task_id):
        block = self.blocks[task_id]
        block.held = False
        if block.priority > self.current.priority:
            return block
        return self.current

    def queue_packet(self, packet):
        target = self.blocks[packet.task_id]
        self.queue_count += 1
        packet.task_id = self.current.task_id
        return target.add_packet(packet, self.current)


class IdleTask:
    """Releases the two devices in a pseudo-random order, `count` times."""

    def __init__(self, seed, count):
        self.seed = seed
        self.count = count

    def run(self, scheduler, packet):
        self.count -= 1
        if self.count == 0:
            return scheduler.hold_self()
        if self.seed & 1 == 0:
            self.seed >>= 1
            return scheduler.release(DEVICE_A)
        self.seed = (self.seed >> 1) ^ 0xD008
        return scheduler.release(DEVICE_B)


class WorkerTask:
    """Fills work packets with letters and sends them to the handlers in
    turn."""

    def __init__(self):
        self.destination = HANDLER_A
        self.letter = 0

    def run(self, scheduler, packet):
        if packet is None:
            return scheduler.wait()
        self.destination = HANDLER_B if self.destination == HANDLER_A else HANDLER_A
        packet.task_id = self.destination
        packet.datum = 0
        for i in range(BUFFER_SIZE):
            self.letter = self.letter % 26 + 1
            packet.data[i] = self.letter
        return scheduler.queue_packet(packet)


class HandlerTask:
    """Copies the letters of each work packet, one per device packet, to its
    device."""

    def __init__(self):
        self.work = None
        self.devices = None

    def run(self, scheduler, packet):
        if packet is not None:
            if packet.kind == WORK_PACKET:
                self.work = packet.append_to(self.work)
            else:
                self.devices = packet.append_to(self.devices)
        if self.work is not None:
            work = self.work
            index = work.datum
            if index >= BUFFER_SIZE:
                self.work = work.link
                return scheduler.queue_packet(work)
            if self.devices is not None:
                device = self.devices
                self.devices = device.link
                device.datum = work.data[index]
                work.datum = index + 1
                return scheduler.queue_packet(device)
        return scheduler.wait()


class DeviceTask:
    """Holds one device packet until released, then sends it back."""

    def __init__(self):
        self.pending = None

    def run(self, scheduler, packet):
        if packet is None:
            if self.pending is None:
                return scheduler.wait()
            pending = self.pending
            self.pending = None
            return scheduler.queue_packet(pending)
        self.pending = packet
        return scheduler.hold_self()


def one_round(idle_count):
    scheduler = Scheduler()
    scheduler.add_task(IDLE, 0, None, IdleTask(1, idle_count), False)
    work = Packet(None, 0, WORK_PACKET)
    work = Packet(work, 0, WORK_PACKET)
    scheduler.add_task(WORKER, 1000, work, WorkerTask(), True)
    for handler, device, priority in ((HANDLER_A, DEVICE_A, 2000),
                                      (HANDLER_B, DEVICE_B, 3000)):
        packets = None
        for _ in range(3):
            packets = Packet(packets, device, DEVICE_PACKET)
        scheduler.add_task(handler, priority, packets, HandlerTask(), True)
    scheduler.add_task(DEVICE_A, 4000, None, DeviceTask(), True)
    scheduler.add_task(DEVICE_B, 5000, None, DeviceTask(), True)
    scheduler.run()
    return scheduler.queue_count, scheduler.hold_count


def main(rounds):
    total_queued = total_held = 0
    for i in range(rounds):
        queued, held = one_round(2000 + 1000 * (i % 9))
        total_queued += queued
        total_held += held
    print("last round: queued %d held %d" % (queued, held))
    print("total: queued %d held %d" % (total_queued, total_held))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 60)
