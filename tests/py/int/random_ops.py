# Random operations on ints of 0..2000 bits, both signs, from an LCG written
# here (no imports): + - * // % ** divmod pow(a, e, m) << >> & | ^ ~,
# comparisons, hash and str. Large products cross the Karatsuba cutoff.
state = 20261122


def rand():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
    return state >> 33


def rand_int():
    bits = rand() % 2001
    v = 0
    while bits > 0:
        take = 31 if bits > 31 else bits
        v = (v << take) | (rand() & ((1 << take) - 1))
        bits -= take
    return -v if rand() & 1 else v


def short(v):
    # Results can reach 8000 bits; print a fingerprint, plus the small ones whole.
    if -10 ** 40 < v < 10 ** 40:
        return str(v)
    return "%d bits, mod %d, low %d" % (v.bit_length(), v % 1000000007, abs(v) % 10 ** 12)


def show(name, f):
    try:
        print(name, short(f()))
    except Exception as e:
        print(name, type(e).__name__, e)


for i in range(60):
    a = rand_int()
    b = rand_int()
    e = rand() % 6
    s = rand() % 300
    print("case", i, a.bit_length(), b.bit_length(), a < 0, b < 0)
    show("add", lambda: a + b)
    show("sub", lambda: a - b)
    show("mul", lambda: a * b)
    show("sqr", lambda: a * a)
    show("floordiv", lambda: a // b)
    show("mod", lambda: a % b)
    show("divmod", lambda: sum(divmod(a, b)))
    show("pow", lambda: a ** e)
    show("powmod", lambda: pow(a, abs(b) % 5000 + 1, abs(b) | 1))
    show("lshift", lambda: a << s)
    show("rshift", lambda: a >> s)
    show("and", lambda: a & b)
    show("or", lambda: a | b)
    show("xor", lambda: a ^ b)
    show("invert", lambda: ~a)
    print("cmp", a < b, a <= b, a == b, a != b, a > b, a >= b, a == a * 1)
    print("hash", hash(a), hash(b))
    print("str", len(str(a)), str(a)[:20], str(a)[-20:])
    print("roundtrip", int(str(a)) == a, int(str(b)) == b)
    print("check", (a * b) // b == a if b else None, (a * b + a) % (b or 1) == a % (b or 1))
