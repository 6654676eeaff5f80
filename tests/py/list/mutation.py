# Mutating lists while iterating, aliasing, list equality after changes.
nums = [1, 2, 3, 4, 5, 6]
for n in nums:
    if n % 2 == 0:
        nums.remove(n)
print("remove while iterating skips items:", nums)
nums = [1, 2, 3, 4, 5, 6]
nums = [n for n in nums if n % 2]
print("filter into new list:", nums)
grow = [1]
for x in grow:
    if x < 5:
        grow.append(x + 1)
print("append while iterating:", grow)
lst = [0, 1, 2, 3]
for i in range(len(lst) - 1, -1, -1):
    if lst[i] % 2:
        del lst[i]
print("delete backwards:", lst)
a = [1, 2]
b = [a, a]
a.append(3)
print("aliases see changes:", b)
b[0] = b[0] + [4]
print("rebinding breaks alias:", b, a)
c = [[]] * 2
c[0].append("shared")
print("[[]] * 2 shares:", c)
it = iter([1, 2, 3])
data = list(it)
print("iterator consumed:", data, list(it))
x = [3, 1, 2]
y = x
x.sort()
print("sort in place visible through alias:", y)
x = sorted(x, reverse=True)
print("sorted makes new list:", x, y)
stack = []
stack.extend(range(3))
stack[len(stack):] = [3]
stack += [4]
print("ways to append:", stack)
lst = [5, 3, 5, 1, 5]
while 5 in lst:
    lst.remove(5)
print("remove all 5s:", lst)
q = [1, 2, 3]
q.insert(0, q.pop())
print("rotate right:", q)
