# Three exceptions chained implicitly (each raised while handling the previous one).
try:
    try:
        raise ValueError("one")
    except ValueError:
        raise TypeError("two")
except TypeError:
    raise KeyError("three")
