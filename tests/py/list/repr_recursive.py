# Nested and recursive list reprs, identity and equality subtleties.
a = [1, 2]
a.append(a)
print(a, repr(a), str(a), len(a), a[2] is a)
b = [a, a]
print(b)
d = {"self": None}
d["self"] = d
print(d)
c = []
c.append([c])
print(c)
t = ([],)
t[0].append(t)
print(t)
x = [1]
y = [x, x]
print(y, y[0] is y[1])
x.append(2)
print(y)
m = {"list": [1]}
m["list"].append(m)
print(m)
print([[[[]]]], [[], [[]]], [(), [()]])
