# Raising an exception class without a message: last line has no colon.
def f():
    raise NotImplementedError

f()
