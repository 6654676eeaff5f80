# An exception in an except block in a function, with tracebacks in both.
def risky():
    return 1 / 0

def handler():
    try:
        risky()
    except ZeroDivisionError:
        log_error()

def log_error():
    raise OSError("log file not writable")

handler()
