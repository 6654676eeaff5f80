# global declaration after the name is used.
def f():
    x = 1
    global x
