# Positional argument after a keyword argument in a call.
print(sep="-", "a")
