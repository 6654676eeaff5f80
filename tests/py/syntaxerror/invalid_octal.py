# Leading zeros in a decimal literal.
n = 0123
