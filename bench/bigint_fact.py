# bench/bigint_fact.py: a large factorial by binary splitting (Karatsuba-
# sized products) printed in full; prints its length and a digit checksum.
import sys

sys.set_int_max_str_digits(0)


def prod(lo, hi):
    # Product of lo..hi-1 by halves, so the factors stay balanced.
    if hi - lo <= 8:
        p = 1
        for i in range(lo, hi):
            p *= i
        return p
    mid = (lo + hi) // 2
    return prod(lo, mid) * prod(mid, hi)


n = 35000
f = prod(1, n + 1)
s = str(f)
check = 0
for i in range(0, len(s), 97):
    check = (check * 31 + int(s[i:i + 9])) % 1000000007
print(len(s), s[:30], s[-30:], check)
print(f % 1000000007, f.bit_length())
