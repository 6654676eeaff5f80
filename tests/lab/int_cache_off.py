# -X int-cache=off: every computed int is a new object; constants are still
# merged by the compiler, and True/False stay singletons.
def same(n):
    return int(str(n)) is int(str(n))
for n in (-5, -1, 0, 1, 100, 256):
    print(n, same(n))
a = 7
b = 7
print("one constant 7:", a is b)
x = int("3")
print("3 + 0 is 3:", x + 0 is x)
print("len results:", len("ab") is len("cd"))
t = True
print("True + 0 is 1:", t + 0 is int("1"))
print("bool singletons:", (1 == 1) is True, bool(0) is False)
print("values still right:", sum(range(10)), 2 ** 10, -7 // 2, 7 % -3)
