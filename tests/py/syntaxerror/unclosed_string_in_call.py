# Unterminated single-quoted string inside a call.
print('hello)
