# bench/bigint_powmod.py: three-argument pow on 1024..2048-bit numbers
# (a Fermat test over an LCG stream); prints a checksum of the results.
seed = 987654321


def rand_bits(bits):
    global seed
    v = 0
    while bits > 0:
        seed = (seed * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        v = (v << 32) | (seed >> 32)
        bits -= 32
    return v


check = 0
probable = 0
for i in range(20):
    bits = 1024 if i % 2 else 2048
    m = rand_bits(bits) | (1 << (bits - 1)) | 1
    a = rand_bits(bits - 8) + 2
    r = pow(a, m - 1, m)
    if r == 1:
        probable += 1
    check = (check * 1000003 + r % 1000000007) % (1 << 61)
print(probable, check)
