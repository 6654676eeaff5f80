# Empty expression in an f-string.
x = f"value: {}"
