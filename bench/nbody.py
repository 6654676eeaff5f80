# Object-heavy simulation: classes, attribute access, method calls, float arithmetic.
class Vec:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z
    def add(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)
    def sub(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)
    def scale(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)
    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

class Body:
    def __init__(self, pos, vel, mass):
        self.pos = pos
        self.vel = vel
        self.mass = mass
    def energy(self):
        return 0.5 * self.mass * self.vel.dot(self.vel)

class System:
    def __init__(self, bodies):
        self.bodies = bodies
    def step(self, dt):
        bodies = self.bodies
        n = len(bodies)
        for i in range(n):
            bi = bodies[i]
            for j in range(i + 1, n):
                bj = bodies[j]
                d = bi.pos.sub(bj.pos)
                dist2 = d.dot(d) + 0.01
                mag = dt / (dist2 * dist2 ** 0.5)
                bi.vel = bi.vel.sub(d.scale(bj.mass * mag))
                bj.vel = bj.vel.add(d.scale(bi.mass * mag))
        for b in bodies:
            b.pos = b.pos.add(b.vel.scale(dt))
    def energy(self):
        e = sum(b.energy() for b in self.bodies)
        for i, bi in enumerate(self.bodies):
            for bj in self.bodies[i + 1:]:
                d = bi.pos.sub(bj.pos)
                e -= bi.mass * bj.mass / (d.dot(d) + 0.01) ** 0.5
        return e

bodies = []
for k in range(8):
    bodies.append(Body(Vec(k * 1.0, (k * 7 % 5) * 0.5, (k * 3 % 4) * 0.25),
                       Vec(0.01 * k, -0.02 * (k % 3), 0.005), 1.0 + k * 0.1))
system = System(bodies)
e0 = system.energy()
for _ in range(4000):
    system.step(0.001)
print("nbody %.9f %.9f" % (e0, system.energy()))
print("pos0 %.9f %.9f %.9f" % (bodies[0].pos.x, bodies[0].pos.y, bodies[0].pos.z))
