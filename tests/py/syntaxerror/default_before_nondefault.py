# Non-default parameter after a default one.
def f(a=1, b):
    pass
