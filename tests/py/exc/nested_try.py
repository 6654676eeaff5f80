# Deeply nested try statements, exceptions in loops, exception matching order.
def classify(v):
    try:
        try:
            try:
                return 10 // v
            except ZeroDivisionError:
                return "zero"
        except TypeError:
            raise ValueError("bad type: " + type(v).__name__)
    except ValueError as e:
        return "outer: " + str(e)
print([classify(v) for v in [2, 0, "s", None]])
results = []
for item in [1, "2", None, [3], "x", 4.5]:
    try:
        results.append(int(item))
    except (TypeError, ValueError) as e:
        results.append(type(e).__name__)
    finally:
        results.append("|")
print(results)
def first_error(funcs):
    errors = []
    for f in funcs:
        try:
            f()
        except Exception as e:
            errors.append(type(e).__name__)
            continue
        errors.append("ok")
    return errors
print(first_error([lambda: 1, lambda: [][1], lambda: {}["k"], lambda: 1 / 0, lambda: int("x"), lambda: undefined]))
def retry(n):
    attempts = 0
    while True:
        try:
            attempts += 1
            if attempts < n:
                raise RuntimeError("attempt %d failed" % attempts)
            return "succeeded after %d" % attempts
        except RuntimeError as e:
            print("  retrying:", e)
print(retry(3))
try:
    try:
        raise KeyError("inner")
    except KeyError as e:
        raise
except LookupError as outer:
    print("re-raised and caught by base:", repr(outer))
def exc_in_else():
    try:
        pass
    except ValueError:
        return "except"
    else:
        raise TypeError("raised in else")
try:
    exc_in_else()
except TypeError as e:
    print(type(e).__name__, e)
try:
    try:
        raise ValueError("a")
    except ValueError:
        pass
    print("handled exception does not leak")
except ValueError:
    print("never")
