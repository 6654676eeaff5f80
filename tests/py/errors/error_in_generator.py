# Exception escaping from a generator consumed by a for loop.
def numbers():
    yield 1
    yield 2
    raise ValueError("generator broke")

for n in numbers():
    print("got", n)
