# while/for, break/continue, else clauses on loops.
i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    if i == 4:
        break
    print("while i =", i)
else:
    print("while else not reached")
print("after while, i =", i)

n = 0
while n < 3:
    n += 1
else:
    print("while else runs when loop ends normally, n =", n)

while False:
    print("never")
else:
    print("while False else")

for x in [1, 2, 3]:
    print("for x =", x)
else:
    print("for else ran")

for x in range(10):
    if x == 3:
        print("breaking at", x)
        break
else:
    print("not printed")

for x in []:
    print("never")
else:
    print("empty for else ran")

# continue in for
evens = []
for x in range(10):
    if x % 2:
        continue
    evens.append(x)
print("evens", evens)

# nested loops with break only breaking inner
pairs = []
for a in range(3):
    for b in range(3):
        if b > a:
            break
        pairs.append((a, b))
print("pairs", pairs)

# searching with for/else
def find_prime_factor(n):
    for d in range(2, n):
        if n % d == 0:
            print(n, "has factor", d)
            break
    else:
        print(n, "is prime")
for n in [9, 13, 15, 17]:
    find_prime_factor(n)

# loop variable persists after loop
for k in range(4):
    pass
print("k after loop", k)

# iterating strings, tuples, dicts
for ch in "abc":
    print("char", ch)
for t in (10, 20):
    print("tuple item", t)
for key in {"x": 1, "y": 2}:
    print("key", key)

# tuple unpacking in for
for a, b in [(1, 2), (3, 4)]:
    print("a+b", a + b)
for i, (p, q) in enumerate([("x", "y"), ("z", "w")]):
    print(i, p, q)

# modifying loop variable does not affect iteration
for i in range(3):
    print("i", i)
    i = 100

# while with complex condition
a, b = 0, 10
while a < b and b - a > 2:
    a += 1
    b -= 1
print("a, b", a, b)

# infinite loop with break
count = 0
while True:
    count += 1
    if count >= 7:
        break
print("count", count)

# continue in while
j = 0
out = []
while j < 6:
    j += 1
    if j % 3 == 0:
        continue
    out.append(j)
print("out", out)
