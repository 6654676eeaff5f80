# Closing bracket does not match the opener.
items = [1, 2, 3)
