# A small task scheduler in the spirit of Richards: objects, inheritance, queues, dispatch.
class Packet:
    def __init__(self, kind, data):
        self.kind = kind
        self.data = data
        self.link = None

class Task:
    def __init__(self, name, priority):
        self.name = name
        self.priority = priority
        self.queue = []
        self.runs = 0
    def ready(self):
        return len(self.queue) > 0
    def run(self, scheduler):
        self.runs += 1
        return self.work(scheduler, self.queue.pop(0))

class Producer(Task):
    def __init__(self, name, priority, target):
        Task.__init__(self, name, priority)
        self.target = target
        self.count = 0
    def ready(self):
        return True
    def run(self, scheduler):
        self.runs += 1
        self.count += 1
        scheduler.send(self.target, Packet(self.count % 3, self.count))
        return self.count < 100000

class Worker(Task):
    def __init__(self, name, priority, sinks):
        Task.__init__(self, name, priority)
        self.sinks = sinks
        self.total = 0
    def work(self, scheduler, packet):
        self.total += packet.data * (packet.kind + 1)
        scheduler.send(self.sinks[packet.kind], packet)
        return True

class Sink(Task):
    def __init__(self, name, priority):
        Task.__init__(self, name, priority)
        self.checksum = 0
    def work(self, scheduler, packet):
        self.checksum = (self.checksum * 31 + packet.data) % 1000000007
        return True

class Scheduler:
    def __init__(self):
        self.tasks = {}
        self.sent = 0
    def add(self, task):
        self.tasks[task.name] = task
    def send(self, name, packet):
        self.sent += 1
        self.tasks[name].queue.append(packet)
    def loop(self):
        order = sorted(self.tasks.values(), key=lambda t: -t.priority)
        producing = True
        while producing or any(t.ready() for t in order if not isinstance(t, Producer)):
            for t in order:
                if isinstance(t, Producer):
                    if producing:
                        producing = t.run(self)
                elif t.ready():
                    t.run(self)

s = Scheduler()
s.add(Sink("sink0", 1))
s.add(Sink("sink1", 2))
s.add(Sink("sink2", 3))
s.add(Worker("worker", 5, ["sink0", "sink1", "sink2"]))
s.add(Producer("producer", 9, "worker"))
s.loop()
print("richards", s.sent, s.tasks["worker"].total, [s.tasks["sink%d" % i].checksum for i in range(3)],
      [t.runs for t in s.tasks.values()])
