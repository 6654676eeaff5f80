# -X int-cache=-5:1000: computed ints up to 1000 are the shared objects.
import sys
def same(n):
    a = int(str(n))
    b = int(str(n))
    return a is b
for n in (-6, -5, 0, 256, 257, 999, 1000, 1001, 5000):
    print(n, same(n))
base = int("500")
print("500 + 500 is 1000:", base + base is int("1000"))
print("500 * 3 is 1500:", base * 3 is int("1500"))
print("len of 700 items:", len([0] * 700) is len([1] * 700))
r = list(range(995, 1005))
print("range items shared:", [x is int(str(x)) for x in r])
before = sys.getrefcount(int("900"))
keep = [int("900") for _ in range(10)]
print("ten references to 900:", sys.getrefcount(int("900")) - before)
