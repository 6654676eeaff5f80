# s += t grows s in place when nothing else refers to it; aliases must not see it.
a = "x"; b = a; a += "y"; print(a, b)
def g():
    a = "x" * 3; b = a; a += "y"; a = a + "z"; c = a; a += a; return a, b, c
print(g())
s = "q"
s = s + s
print(s)
k = "k"
for i in range(3):
    k += str(i)
print(k, list(globals()).index("k") > list(globals()).index("s"))
try:
    s += 1
except TypeError as e:
    print(e)
print(s)
