# Explicit chaining where both exceptions have tracebacks in functions.
def parse(text):
    return int(text)

def load(text):
    try:
        parse(text)
    except ValueError as e:
        raise RuntimeError("could not load %r" % text) from e

load("abc")
