# def without parentheses.
def f:
    pass
