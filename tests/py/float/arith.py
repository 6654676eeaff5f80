# Float arithmetic and rounding artefacts.
print(0.1 + 0.2, 0.1 + 0.2 == 0.3, 0.3 - 0.1, 1.1 * 3, 1 / 3, 2 / 3, 10 / 4)
print(1.5 + 2.25, 1.5 - 2.25, 1.5 * 2.25, 1.5 / 2.25, 7.5 // 2, 7.5 % 2, 2.5 ** 2)
print(1e16 + 1, 1e16 + 2, 2 ** 53 + 1.0, 0.1 * 10, sum([0.1] * 10))
print(1.5e300 * 1e10, -1.5e300 * 1e10, 1e-300 * 1e-300, 5e-324 / 2, 1e308 * 10 / 10)
print(3 * 1.1, 1.1 + 2.2, 100 * 1.1, 0.7 + 0.1, 0.57 * 100, 1.15 * 100)
print(-0.0 + 0.0, -0.0 * 5, 0.0 * -1, -0.0 - 0.0, abs(-0.0))
print(float(1), float(-5), float(True), float(2 ** 60), float("1.5"), float(" -2.5e3 "))
print(7 / 7, 1e0, 2.0 * 3, type(2 * 3.0).__name__, type(4 / 2).__name__)
x = 0.0
for i in range(10):
    x += 0.1
print("accumulated", x, x == 1.0, round(x, 10) == 1.0)
print("mixed int", 2 ** 0.5 * 2 ** 0.5, 3.0 == 3, 10 ** 20 * 1.0, 2.5 + True)
print("large * small", 1e200 * 1e-200, 1e-200 * 1e200 * 1e100)
print("division", 1 / 7, 22 / 7, -1 / 7, 1e10 / 3, 3.0 / 1e-10)
try:
    1.0 / 0.0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    1 / 0.0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    1.5 // 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    1.5 % 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    (-8.0) ** 0.5 if False else float("x")
except ValueError as e:
    print(type(e).__name__, e)
