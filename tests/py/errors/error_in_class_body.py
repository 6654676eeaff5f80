# Exception raised while executing a class body and inside a method called via a lambda.
def make():
    class Inner:
        value = 1
        raise TypeError("class body failed")
    return Inner

make()
