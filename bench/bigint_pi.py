# bench/bigint_pi.py: digits of pi by Gibbons' unbounded spigot (big-int
# multiply, add and small divisions); prints a checksum of the digits.
import sys


def pi_digits(n):
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    out = []
    while len(out) < n:
        if 4 * q + r - t < m * t:
            out.append(m)
            q, r, m = 10 * q, 10 * (r - m * t), (10 * (3 * q + r)) // t - 10 * m
        else:
            q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
    return out


digits = pi_digits(int(sys.argv[1]) if len(sys.argv) > 1 else 2500)
check = 0
for d in digits:
    check = (check * 10 + d) % 1000000007
print("".join(str(d) for d in digits[:50]))
print(len(digits), check)
