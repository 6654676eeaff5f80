# Closures captured by generators and classes; cells shared between functions.
def make_gen(limit):
    step = 2
    def gen():
        i = 0
        while i < limit:
            yield i
            i += step
    return gen
g = make_gen(7)
print(list(g()), list(g()))
def make_class(greeting):
    class Greeter:
        def greet(self, name):
            return greeting + ", " + name
    return Greeter
print(make_class("Hi")().greet("Ann"), make_class("Yo")().greet("Bob"))
def pair():
    shared = []
    def add(x):
        shared.append(x)
    def get():
        return list(shared)
    return add, get
add, get = pair()
add(1); add(2)
print(get())
def counter_gen():
    count = 0
    def bump():
        nonlocal count
        count += 1
    for _ in range(3):
        bump()
        yield count
print(list(counter_gen()))
def lazy_capture():
    fns = []
    for i in range(3):
        def f(i=i):
            return [i * k for k in range(3)]
        fns.append(f)
    return [f() for f in fns]
print(lazy_capture())
def outer():
    x = "outer x"
    class Inner:
        y = x + " seen in class body"
        def method(self):
            return x + " seen in method"
    return Inner.y, Inner().method()
print(outer())
