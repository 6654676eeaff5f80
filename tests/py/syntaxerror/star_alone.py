# Bare starred expression as a statement.
*a = [1, 2]
