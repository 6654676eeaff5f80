# Sieve of Eratosthenes over a list of flags, then simple prime statistics.
def sieve(n):
    flags = [True] * (n + 1)
    flags[0] = flags[1] = False
    i = 2
    while i * i <= n:
        if flags[i]:
            for j in range(i * i, n + 1, i):
                flags[j] = False
        i += 1
    return [k for k in range(n + 1) if flags[k]]

primes = sieve(2000000)
gaps = {}
for a, b in zip(primes, primes[1:]):
    g = b - a
    gaps[g] = gaps.get(g, 0) + 1
twin = gaps.get(2, 0)
print("sieve", len(primes), primes[-1], sum(primes) % 1000000007, twin, max(gaps))
