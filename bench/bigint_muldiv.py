# bench/bigint_muldiv.py: products of 2000..40000-bit numbers and the
# divisions that undo them; prints a checksum of quotients and remainders.
seed = 1234567


def rand_bits(bits):
    global seed
    v = 0
    while bits > 0:
        seed = (seed * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        v = (v << 32) | (seed >> 32)
        bits -= 32
    return v


check = 0
for i in range(44):
    bits = 2000 + 1000 * i
    a = rand_bits(bits) | 1
    b = rand_bits(bits // 2 + 37) | 1
    for j in range(6):
        p = a * b + j
        q, r = divmod(p, b)
        s = a * a
        check = (check * 31 + (q - a) + r + s % 1000000007 + p % 998244353) % (1 << 61)
        a = a + (p >> (bits // 3)) % 1000
print(check)
