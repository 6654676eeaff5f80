# A string that never ends on its line.
name = "Alice
print(name)
