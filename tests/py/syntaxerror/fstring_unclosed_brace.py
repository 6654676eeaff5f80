# Unclosed brace in an f-string.
x = 5
s = f"value: {x"
