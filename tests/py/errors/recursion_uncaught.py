# Uncaught RecursionError: CPython collapses repeated frames ("[Previous line repeated N more times]").
def recurse(n):
    return recurse(n + 1)

recurse(0)
