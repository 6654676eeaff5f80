# inf and nan semantics.
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, inf + 1, inf * 2, inf - inf, inf * 0, inf / inf, -inf * -1)
print(inf > 1e308, -inf < -1e308, inf == inf, inf == -inf, inf > 10 ** 1000 if False else True)
print(nan == nan, nan != nan, nan < 1, nan > 1, nan <= nan, nan >= 1, 1 == nan)
print(nan is nan, [nan] == [nan], (nan,) == (nan,), nan in [nan], float("nan") in [nan])
print(max(1, inf), min(-inf, 5), abs(-inf), -(-inf), inf ** 0, 1 ** inf, nan ** 0)
print(inf // 1 if False else "skip", 1 / inf, -1 / inf, 5 % inf, -5 % inf)
print(int(1e300) > 0, float(2 ** 1023) * 2, -float(2 ** 1023) * 2)
print(sorted([3.0, 1.0, 2.0]), sorted([inf, -inf, 0.0]))
print(nan + 1, nan * 0, -nan, abs(nan), nan ** 1)
print(bool(nan), bool(inf), bool(0.0), bool(-0.0))
print(inf.is_integer(), nan.is_integer(), (1.0).is_integer(), (1.5).is_integer())
print(hash(inf), hash(-inf), hash(0.0) == hash(-0.0))
try:
    int(inf)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    int(nan)
except ValueError as e:
    print(type(e).__name__, e)
try:
    round(inf)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    round(nan)
except ValueError as e:
    print(type(e).__name__, e)
print(round(inf, 2), round(nan, 2))
print(f"{inf} {nan} {inf:f} {-inf:.2f} {nan:e} {inf:g} {inf:>6}|")
