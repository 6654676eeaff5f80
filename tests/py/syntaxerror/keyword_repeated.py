# The same keyword argument twice in a call.
print(end="", end="x")
