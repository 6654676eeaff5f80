# -X int-cache=-100:10: negative ints down to -100 are shared, 11 and up not.
def same(n):
    return int(str(n)) is int(str(n))
for n in (-101, -100, -50, -6, -5, 0, 10, 11, 256):
    print(n, same(n))
print("sum to 10:", sum([1, 2, 3, 4]) is int("10"))
print("abs(-20) vs 20:", abs(int("-20")) is int("20"))
