# Bitwise operators and shifts, including negatives and big ints.
a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a, a << 2, a >> 2)
print(bin(a & b), bin(a | b), bin(a ^ b), bin(~a))
for x in [0, 1, -1, 5, -5, 255, -256]:
    print(x, "~", ~x, "&0xff", x & 0xff, "|1", x | 1, "^-1", x ^ -1, ">>1", x >> 1, "<<3", x << 3)
print("neg and", -12 & 10, -12 | 10, -12 ^ 10, -12 & -10, -12 | -10, -12 ^ -10)
print("shifts", 1 << 0, 1 << 62, 1 << 63, 1 << 64, 1 << 100, (1 << 100) >> 99, -1 >> 100, -(1 << 70) >> 3)
print("big bitwise", (2 ** 100 - 1) & 0xFFFF, (2 ** 70) | 1, (2 ** 70) ^ (2 ** 70 + 5), ~(2 ** 80))
print("bool ops", True & False, True | False, True ^ True, type(True & True).__name__, True & 3, ~False)
print("precedence", 1 | 2 & 3, (1 | 2) & 3, 1 << 2 + 1, 6 & 3 == 2, 6 ^ 3 | 1)
try:
    1 << -1
except ValueError as e:
    print(type(e).__name__, e)
try:
    1 >> -1
except ValueError as e:
    print(type(e).__name__, e)
try:
    1.0 & 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    1 << 1.0
except TypeError as e:
    print(type(e).__name__, e)
print("sets", sorted({1, 2, 3} & {2, 3, 4}), sorted({1, 2} | {3}), sorted({1, 2, 3} ^ {3, 4}), sorted({1, 2, 3} - {2}))
