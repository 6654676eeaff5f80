# Every list method.
a = [3, 1, 2]
a.append(4); print("append", a)
a.extend([5, 6]); print("extend list", a)
a.extend((7,)); print("extend tuple", a)
a.extend(range(8, 10)); print("extend range", a)
a.extend("ab"); print("extend str", a)
a.extend([]); print("extend empty", a)
a.insert(0, "first"); print("insert 0", a)
a.insert(-1, "before last"); print("insert -1", a)
a.insert(100, "end"); print("insert 100", a)
a.insert(-100, "start"); print("insert -100", a)
print("pop", a.pop(), a)
print("pop 0", a.pop(0), a)
print("pop -2", a.pop(-2), a)
a.remove("first"); print("remove", a)
print("index", a.index(4), a.index(5, 2), a.index(2, 0, 5))
print("count", a.count(1), a.count("zz"), [1, 1, 2, 1].count(1), [[1], [1]].count([1]))
b = a.copy()
b.append("copy-only"); print("copy", a, b)
a.reverse(); print("reverse", a)
a.clear(); print("clear", a)
nums = [5, 2, 8, 1, 9]
print("sort returns", nums.sort(), nums)
print("reverse returns", nums.reverse(), nums)
try:
    [].pop()
except IndexError as e:
    print(type(e).__name__, e)
try:
    [1].pop(5)
except IndexError as e:
    print(type(e).__name__, e)
try:
    [1, 2].remove(3)
except ValueError as e:
    print(type(e).__name__, e)
try:
    [1, 2].index(3)
except ValueError as e:
    print(type(e).__name__, e)
try:
    [1].extend(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    [].insert(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    [].append(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
stack = []
for i in range(5):
    stack.append(i)
while stack:
    print("stack pop", stack.pop(), end="; ")
print()
queue = [1, 2, 3]
while queue:
    print("queue pop", queue.pop(0), end="; ")
print()
x = [1, 2, 3]
x.remove(2)
x += [4]
x *= 2
print(x, x.index(4, 3))
