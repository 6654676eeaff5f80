# Exception raised inside an except block: implicit chaining message.
def cleanup():
    raise TypeError("cleanup failed")

try:
    raise KeyError("first")
except KeyError:
    cleanup()
