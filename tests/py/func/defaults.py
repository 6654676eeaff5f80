# Default arguments: evaluation time, mutable default pitfall, keywords.
def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct
print(greet("Ann"), greet("Bob", "Hi"), greet("Cy", punct="?"), greet(punct=".", name="Di"))
x = 10
def f(a=x):
    return a
x = 20
print("default evaluated at def time:", f())
def append_to(item, lst=[]):
    lst.append(item)
    return lst
print(append_to(1), append_to(2), append_to(3, []))
def safe_append(item, lst=None):
    if lst is None:
        lst = []
    lst.append(item)
    return lst
print(safe_append(1), safe_append(2))
print(f.__defaults__, greet.__defaults__, append_to.__defaults__)
def g(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, kw)
print(g(1, c=3))
print(g(1, 5, 6, 7, c=3, e=9))
print(g(1, c=3, d=0, b=8))
print(g.__kwdefaults__)
def none_default(v=None):
    return "got None" if v is None else "got " + repr(v)
print(none_default(), none_default(0), none_default(v=""))
def counter(start=0, step=1):
    return list(range(start, start + 5 * step, step))
print(counter(), counter(10), counter(step=2), counter(1, -1))
