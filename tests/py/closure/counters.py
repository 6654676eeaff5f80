# Closures as counters and accumulators with nonlocal.
def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(), c2(), c1(), c2())
def make_account(balance):
    def deposit(amount):
        nonlocal balance
        balance += amount
        return balance
    def withdraw(amount):
        nonlocal balance
        if amount > balance:
            return "insufficient"
        balance -= amount
        return balance
    def get():
        return balance
    return deposit, withdraw, get
dep, wd, get = make_account(100)
print(dep(50), wd(30), wd(500), get())
def averager():
    total = 0
    n = 0
    def add(x):
        nonlocal total, n
        total += x
        n += 1
        return total / n
    return add
avg = averager()
print(avg(10), avg(20), avg(60))
def make_acc():
    items = []
    def add(x):
        items.append(x)
        return items
    return add
acc = make_acc()
acc(1)
print(acc(2), acc.__closure__ is not None)
def gen_counter():
    n = 0
    def step():
        nonlocal n
        n += 1
        return n
    return [step() for _ in range(5)]
print(gen_counter())
def shared_cell():
    x = 0
    def get():
        return x
    def set_(v):
        nonlocal x
        x = v
    return get, set_
g, s = shared_cell()
print(g(), s(42), g())
