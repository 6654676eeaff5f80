# Decimal conversion of big ints both ways (the divide and conquer paths
# start near 2,700 digits) and the 3.11 limit on digits, with its messages.
import sys


def fingerprint(s):
    return "%d chars %s...%s" % (len(s), s[:12], s[-12:])


def attempt(f):
    try:
        print(f())
    except ValueError as e:
        print("ValueError:", e)


# Limit behaviour at the default 4300 digits.
attempt(lambda: fingerprint(str(10 ** 4299)))
attempt(lambda: fingerprint(str(10 ** 4300 - 1)))
attempt(lambda: str(10 ** 4300))
attempt(lambda: str(-7 ** 6000))
attempt(lambda: int("9" * 4300) % 1000003)
attempt(lambda: int("9" * 4301))
attempt(lambda: int("-" + "1_2" * 2000) % 1000003)
attempt(lambda: int("0x" + "f" * 5000, 16) % 1000003)

sys.set_int_max_str_digits(0)
seed = 42
for bits in (9000, 9100, 20000, 65536, 200000):
    v = 0
    b = bits
    while b > 0:
        seed = (seed * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        v = (v << 32) | (seed >> 32)
        b -= 32
    for w in (v, -v, 10 ** (bits // 4), 10 ** (bits // 4) - 1, v * 10 ** 3000):
        s = str(w)
        print(fingerprint(s), int(s) == w, w % 1000000007)
print(fingerprint(str(3 ** 300000)))
print(int("1" + "0" * 50000 + "7") % 1000000007, int("12_345" * 2000) % 1000000007)
sys.set_int_max_str_digits(5000)
attempt(lambda: len(str(10 ** 4999)))
attempt(lambda: str(10 ** 5000))
