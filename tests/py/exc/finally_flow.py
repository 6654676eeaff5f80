# return/break/continue interacting with finally.
def ret_in_try():
    try:
        return "try"
    finally:
        print("  finally after return")
print(ret_in_try())
def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"
print(finally_overrides())
def finally_swallows():
    try:
        raise ValueError("lost")
    finally:
        return "finally swallowed the exception"
print(finally_swallows())
def ret_value_evaluated_first():
    x = 1
    try:
        return x
    finally:
        x = 2
        print("  x changed to", x)
print(ret_value_evaluated_first())
for i in range(3):
    try:
        if i == 1:
            continue
        print("loop body", i)
    finally:
        print("loop finally", i)
for i in range(5):
    try:
        if i == 2:
            break
    finally:
        print("finally on", i)
print("after loop, i =", i)
def break_in_finally():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            break
    return "exception discarded by break, i=%d" % i
print(break_in_finally())
def continue_in_finally():
    out = []
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            out.append(i)
            continue
    return out
print(continue_in_finally())
def while_finally():
    n = 0
    while True:
        try:
            n += 1
            if n == 3:
                return n
        finally:
            print("  while finally", n)
print(while_finally())
def nested_finally():
    try:
        try:
            return "inner"
        finally:
            print("  inner finally")
    finally:
        print("  outer finally")
print(nested_finally())
def except_return_finally():
    try:
        raise ValueError
    except ValueError:
        return "from except"
    finally:
        print("  finally after except return")
print(except_return_finally())
def else_return():
    try:
        pass
    except Exception:
        return "except"
    else:
        return "else"
    finally:
        print("  finally after else")
print(else_return())
def gen():
    try:
        yield 1
        yield 2
    finally:
        print("  generator finally")
print(list(gen()))
