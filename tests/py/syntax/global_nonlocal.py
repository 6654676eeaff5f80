# global and nonlocal declarations.
counter = 0
def inc():
    global counter
    counter += 1
    return counter
inc(); inc()
print("counter", counter)

def make_global():
    global created_here
    created_here = "made in function"
make_global()
print(created_here)

def read_only():
    return counter * 10
print("read global", read_only())

def shadow():
    counter = "local"
    return counter
print("shadow", shadow(), counter)

def unbound():
    try:
        print(counter)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    counter = 5
unbound()

def outer():
    x = 1
    def inner():
        nonlocal x
        x += 1
        return x
    inner(); inner()
    return x
print("nonlocal", outer())

def outer2():
    a = "outer2"
    def middle():
        def inner():
            nonlocal a
            a = "changed by inner"
        inner()
    middle()
    return a
print(outer2())

def nonlocal_vs_global():
    counter = 100
    def inner():
        global counter
        counter = 999
    inner()
    return counter
print("local stays", nonlocal_vs_global(), "global", counter)

# global declared in nested function
def a():
    def b():
        global from_b
        from_b = "b"
    b()
a()
print(from_b)

# several names in one statement
def multi():
    global g1, g2
    g1, g2 = 1, 2
multi()
print(g1, g2)

def multi_nonlocal():
    p = q = 0
    def inner():
        nonlocal p, q
        p, q = 3, 4
    inner()
    return p, q
print(multi_nonlocal())

