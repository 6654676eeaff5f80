# Invalid target in a for loop.
for 1 in range(3):
    pass
