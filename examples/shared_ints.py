# The small-int cache, seen from Python: which ints are shared objects, how
# reference counts move, and what the objects cost in memory.
# Run it with different caches:  smallpy -X int-cache=-5:1000 examples/shared_ints.py
import sys

def shared(n):
    # Two ints computed at run time: the same object only if n is cached.
    a = n + 0
    b = n * 1
    return a is b

print("Which computed ints are shared objects?")
for n in (-6, -5, 0, 1, 100, 255, 256, 257, 1000):
    print(f"  {n:5}: {'shared' if shared(n) else 'separate objects'}")

print()
print("Reference counts move for shared ints only:")
before = sys.getrefcount(256)
x, y, z = 256, 255 + 1, int("256")
print("  three new references to 256 ->", sys.getrefcount(256) - before)
before = sys.getrefcount(257)
x, y, z = 257, 256 + 1, int("257")
print("  three new references to 257 ->", sys.getrefcount(257) - before)
print("  (the literal 257 and the folded 256 + 1 are one merged constant of this")
print("   module; int('257') made a separate object)")

print()
print("Sizes in bytes (sys.getsizeof):")
for v in (0, 1, 2**30, 2**60, 2**90, 1.5, "", "abc", (), (1, 2), []):
    print(f"  {v!r:>32}: {sys.getsizeof(v)}")

print()
print("One-character strings and the empty tuple are shared too:")
print("  chr(65) is chr(65):  ", chr(65) is chr(65))
print("  chr(937) is chr(937):", chr(937) is chr(937))
print("  tuple() is tuple():  ", tuple() is tuple())
