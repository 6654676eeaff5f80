# Statement keyword inside an expression.
x = (pass)
