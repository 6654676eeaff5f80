# Late binding of loop variables in closures, and ways around it.
funcs = []
for i in range(3):
    def f():
        return i
    funcs.append(f)
print([f() for f in funcs])
i = 100
print([f() for f in funcs])
funcs = []
for i in range(3):
    def f(i=i):
        return i
    funcs.append(f)
print([f() for f in funcs])
def make(i):
    return lambda: i
funcs = [make(i) for i in range(3)]
print([f() for f in funcs])
lambdas = [lambda x: x * k for k in range(1, 4)]
print([fn(10) for fn in lambdas])
lambdas = [lambda x, k=k: x * k for k in range(1, 4)]
print([fn(10) for fn in lambdas])
def outer():
    fs = []
    for j in range(3):
        fs.append(lambda: j)
    j = "changed"
    return [f() for f in fs]
print(outer())
def captured_after_def():
    def show():
        return value
    value = "assigned after def"
    return show()
print(captured_after_def())
def cell_reassign():
    x = 1
    f = lambda: x
    x = 2
    return f()
print(cell_reassign())
