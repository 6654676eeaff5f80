# del of names, items, attributes, slices.
x = 1
del x
try:
    print(x)
except NameError as e:
    print(type(e).__name__, e)

a, b = 1, 2
del a, b
try:
    a
except NameError as e:
    print("after del a, b:", type(e).__name__, e)

lst = list(range(10))
del lst[0]
print("del lst[0]", lst)
del lst[-1]
print("del lst[-1]", lst)
del lst[2:4]
print("del lst[2:4]", lst)
del lst[::2]
print("del lst[::2]", lst)
del lst[:]
print("del lst[:]", lst)

d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print("del d['b']", d)
try:
    del d["zz"]
except KeyError as e:
    print(type(e).__name__, e)

class C:
    pass
c = C()
c.attr = 5
c.other = 6
del c.attr
print("hasattr after del", hasattr(c, "attr"), hasattr(c, "other"))
try:
    del c.attr
except AttributeError as e:
    print(type(e).__name__, e)

try:
    lst2 = [1, 2]
    del lst2[5]
except IndexError as e:
    print(type(e).__name__, e)

t = (1, 2, 3)
try:
    del t[0]
except TypeError as e:
    print(type(e).__name__, e)

s = "abc"
try:
    del s[0]
except TypeError as e:
    print(type(e).__name__, e)

# del in a function: local becomes unbound
def f():
    y = 1
    del y
    try:
        return y
    except UnboundLocalError as e:
        return type(e).__name__ + " " + str(e)
print(f())

# del of a tuple target list and a nested list
m = [[1, 2], [3, 4]]
del m[0][1], m[1]
print("nested del", m)

# del global from function
g = 10
def kill_g():
    global g
    del g
kill_g()
try:
    g
except NameError as e:
    print(type(e).__name__, e)

# del of a loop variable, then reuse
for i in range(3):
    pass
del i
i = "fresh"
print(i)

# del of an undefined name
try:
    del never_defined
except NameError as e:
    print(type(e).__name__, e)
