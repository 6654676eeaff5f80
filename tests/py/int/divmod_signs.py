# Floor division and modulo sign rules for all sign combinations.
pairs = [(7, 3), (-7, 3), (7, -3), (-7, -3), (6, 3), (-6, 3), (6, -3), (0, 5), (0, -5),
         (1, 10), (-1, 10), (1, -10), (-1, -10), (2 ** 64 + 1, 7), (-(2 ** 64) - 1, 7),
         (2 ** 64 + 1, -7), (10 ** 30, 10 ** 15 + 1), (-10 ** 30, 10 ** 15 + 1)]
for a, b in pairs:
    q, r = a // b, a % b
    print(a, b, q, r, divmod(a, b), q * b + r == a, (r == 0) or ((r > 0) == (b > 0)))
print("float versions")
for a, b in [(7.0, 3), (-7.0, 3), (7, -3.0), (-7.5, -2), (0.5, 0.2), (-0.0, 1), (1e10, 3)]:
    print(a, b, a // b, a % b, divmod(a, b))
print("int() truncates toward zero", int(7 / 2), int(-7 / 2), int(-3.99), int(3.99), int(-0.5))
print("round vs floor", -7 // 2, int(-7 / 2), round(-7 / 2), round(-3.5), round(-2.5), round(2.5))
for a in [-10, -1, 0, 1, 10]:
    print(a, "% 3 =", a % 3, " % -3 =", a % -3, " // 3 =", a // 3, " // -3 =", a // -3)
try:
    5 // 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    5 % 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    divmod(5, 0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    5 / 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    2 ** 100 // 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    divmod(5.0, 0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
