# Big ints: a few hundred digits in simple operations.
a = 2 ** 1000
print("2**1000", a)
print("digits", len(str(a)), len(str(3 ** 500)))
b = 3 ** 300
print("3**300", b)
print("a + b", a + b)
print("a - b", a - b)
print("b - a", b - a)
print("a * b", a * b)
print("a // b", a // b)
print("a % b", a % b)
print("-a // b", -a // b, "-a % b", -a % b)
print("a // -b", a // -b, "a % -b", a % -b)
print("divmod", divmod(a, 12345678901234567890))
f = 1
for i in range(1, 101):
    f *= i
print("100!", f)
print("100! // 98!", f // (f // (100 * 99)) if False else f // 9426890448883247745626185743057242473809693764078951663494238777294707070023223798882976159207729119823605850588608460429412647567360000000000000000000000)
print("100! % 101", f % 101, "100! % 2**64", f % 2 ** 64)
fib = [0, 1]
for i in range(400):
    fib.append(fib[-1] + fib[-2])
print("fib(400)", fib[400])
print("fib ratio digits", len(str(fib[400])), fib[400] % 1000000007)
n = 10 ** 200 + 7
print("10**200+7 squared", n * n)
print("shift", (1 << 500) >> 498, (1 << 500) == 2 ** 500, -(1 << 500) >> 499)
print("negatives", -(10 ** 50) * (10 ** 50), (-10) ** 51, (-10) ** 50 // -(10 ** 49))
print("compare", 10 ** 100 < 10 ** 100 + 1, -(10 ** 100) < -(10 ** 99), 10 ** 100 == int("1" + "0" * 100))
print("mixed small/big", 10 ** 40 + 1 - 10 ** 40, (10 ** 40 + 5) % 10, 7 * 10 ** 40 // 10 ** 40)
print("bitwise big", (2 ** 200 - 1) & (2 ** 100 + 3), (2 ** 200) | 1, (2 ** 200) ^ (2 ** 200), ~(2 ** 100))
print("pow mod", pow(2, 1000, 10 ** 9 + 7), pow(3, 10 ** 20, 1000), pow(12345, 6789, 2 ** 64))
print("hex/bin", hex(2 ** 128 - 1), bin(2 ** 70), oct(8 ** 30))
print("float conversion", float(2 ** 100), float(10 ** 300), int(1e300) == 10 ** 300, int(2.0 ** 100) == 2 ** 100)
print("true division", 10 ** 50 / 10 ** 48, (2 ** 200) / (2 ** 199), 1 / 10 ** 50)
try:
    float(10 ** 400)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    10 ** 400 / 1
except OverflowError as e:
    print(type(e).__name__, e)
print("big // small", 10 ** 400 // 10 ** 399, 10 ** 400 / 10 ** 399)
print("hash consistent", hash(2 ** 100) == hash(2 ** 100), hash(10 ** 40) == hash(int("1" + "0" * 40)))
