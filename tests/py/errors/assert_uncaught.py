# Uncaught AssertionError with a message.
def check_positive(n):
    assert n > 0, "expected a positive number, got %d" % n
    return n

print(check_positive(5))
check_positive(-2)
