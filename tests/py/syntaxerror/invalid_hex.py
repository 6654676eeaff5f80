# Invalid digit in a hex literal.
n = 0x1G
