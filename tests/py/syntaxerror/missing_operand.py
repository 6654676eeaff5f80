# Missing operand after a binary operator.
x = 1 +
