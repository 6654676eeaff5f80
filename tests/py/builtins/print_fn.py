# print(): sep, end, file, flush, multiple args, no args.
import sys
print()
print("a", "b", "c")
print("a", "b", "c", sep="")
print("a", "b", "c", sep=", ")
print("no newline", end="")
print(" <- continued")
print("x", end="!\n")
print(1, 2, sep="\n")
print("sep None", "end None", sep=None, end=None)
print(*[1, 2, 3], sep=" | ")
print(*"abc")
print()
print(None, True, 1.5, [1], (2,), {"k": 3}, b"by")
print("flush", flush=True)
print("to stdout", file=sys.stdout)
print("file None", file=None)
sys.stdout.write("written directly\n")
n = sys.stdout.write("abc\n")
print("write returned", n)
print("", end="")
print("multi\nline\nstring")
print("tab\tsep", "x", sep="\t")
print(end="only end\n")
print("a", "b", sep="", end="")
print()
try:
    print("x", sep=5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print("x", end=[])
except TypeError as e:
    print(type(e).__name__, e)
try:
    print("x", bogus=1)
except TypeError as e:
    print(type(e).__name__, e)
class S:
    def __str__(self):
        return "S-object"
print(S(), [S()] if False else "", sep="")
