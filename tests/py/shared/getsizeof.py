# sys.getsizeof of ints, floats, strings, bytes, tuples and lists (64-bit CPython 3.11 layout).
import sys
size = sys.getsizeof
print("ints:", [size(v) for v in [0, 1, -1, 255, 2 ** 30 - 1, 2 ** 30, 2 ** 60 - 1, 2 ** 60, 2 ** 90, -2 ** 60, 10 ** 100]])
print("bools:", size(True), size(False))
print("floats:", size(0.0), size(1.5), size(1e300), size(float("inf")))
print("ascii str:", [size("x" * n) for n in [0, 1, 2, 5, 10, 100]])
print("latin-1 str:", size("é"), size("é" * 10), size("aé"))
print("bmp str:", size("日"), size("日本"), size("a日"))
print("astral str:", size("😀"), size("😀" * 2))
print("bytes:", [size(b"x" * n) for n in [0, 1, 2, 10]])
print("tuples:", size(()), size((1,)), size((1, 2)), size((1, 2, 3)), size(tuple(range(10))))
print("lists:", size([]), size([1]), size([1, 2, 3]), size([None] * 5), size(list(range(10))), size([0] * 100))
lst = []
sizes = [size(lst)]
for i in range(40):
    lst.append(i)
    sizes.append(size(lst))
print("list growth by append:", sizes)
shrink = []
while lst:
    lst.pop()
    shrink.append(size(lst))
print("list shrink by pop:", shrink)
comp = [i for i in range(10)]
print("comprehension of 10:", size(comp))
ext = []
ext.extend(range(10))
print("extend by 10:", size(ext))
cleared = list(range(10))
cleared.clear()
print("cleared:", size(cleared))
print("int size grows with digits:", [size(2 ** k) for k in range(0, 200, 30)])
print("None:", size(None) > 0, "types:", size(1) == size(2), size(2 ** 30) - size(2 ** 29))
