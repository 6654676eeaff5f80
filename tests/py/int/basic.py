# Machine-range int arithmetic and overflow into big ints.
print(1 + 1, 100 - 250, 12 * 12, 7 // 2, 7 % 2, 2 ** 8)
M = 2 ** 63 - 1
print("max int64", M, M + 1, -M - 1, -M - 2, M * 2, M * M)
print("int32 edges", 2 ** 31 - 1, 2 ** 31, -2 ** 31, (2 ** 31 - 1) * 2 + 1)
print("30-bit digit edges", 2 ** 30 - 1, 2 ** 30, 2 ** 30 + 1, 2 ** 60 - 1, 2 ** 60, 2 ** 90)
x = 1
for i in range(70):
    x = x * 3
print("3**70 by loop", x, x == 3 ** 70)
acc = 0
for i in range(1, 101):
    acc += i * i
print("sum of squares", acc)
print("subtraction to negative", 5 - 10, -5 - 10, 0 - 0, -0)
print("multiplication signs", -3 * 4, 3 * -4, -3 * -4, 0 * -5)
print("mixed ops", (17 * 3 + 4) // 5 - 2 ** 3 % 5, 1000000 * 1000000, 123456789 * 987654321)
print("increment across 2**62", 2 ** 62 - 1 + 1, 4611686018427387904 + 4611686018427387904)
print("negatives across edge", -(2 ** 63) - 1, -(2 ** 64) + 1, -9223372036854775807 - 1)
a = 9223372036854775807
a += 1
print("a += 1 at max", a, type(a).__name__)
b = -9223372036854775808
b -= 1
print("b -= 1 at min", b)
print("abs", abs(-5), abs(5), abs(-2 ** 64), abs(0))
print("int of bools", int(True), int(False), True + 0, False * 5)
print("type", type(5).__name__, type(2 ** 100).__name__, isinstance(2 ** 100, int))
print("equality", 5 == 5, 2 ** 64 == 18446744073709551616, 2 ** 64 == 2 ** 64 + 1, -0 == 0)
print("comparisons", 2 ** 64 > 2 ** 63, -2 ** 64 < -2 ** 63, 10 ** 30 > 10 ** 29 * 9, 3 < 2 ** 100)
print("max/min", max(3, 2 ** 70, -5), min(-2 ** 70, 0, 5))
print("sum", sum(range(1000001)), sum([2 ** 62] * 4))
print("hex of products", hex(0xFFFFFFFF * 0xFFFFFFFF), hex(0xFFFFFFFFFFFFFFFF * 0xFFFFFFFFFFFFFFFF))
