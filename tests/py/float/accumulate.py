# Accumulating float results in loops: checks exact rounding of every operation.
total = 0.0
for i in range(1, 1001):
    total += 1.0 / i
print("harmonic(1000)", total)
x = 1.0
for i in range(50):
    x = x * 1.1
print("1.1 ** 50 by loop", x, 1.1 ** 50)
s = 0.0
for i in range(100):
    s += 0.01
print("0.01 * 100", s, s == 1.0)
v = 2.0
for _ in range(6):
    v = (v + 2.0 / v) / 2
print("newton sqrt(2)", v, v * v)
prod = 1.0
for k in range(1, 21):
    prod *= k
print("20! as float", prod, prod == 2432902008176640000)
mean = sum([1.5, 2.5, 3.5, 4.25]) / 4
var = sum((x - mean) ** 2 for x in [1.5, 2.5, 3.5, 4.25]) / 4
print("mean/var", mean, var)
pts = [(i * 0.37) % 1.0 for i in range(10)]
print("wrapped", pts)
c = 0.0
for i in range(10):
    c = c * 0.5 + i
print("recurrence", c)
print("alternating", sum((-1) ** k / (2 * k + 1) for k in range(1000)) * 4)
