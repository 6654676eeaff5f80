# raise ... from, __cause__, __context__, __suppress_context__, re-raise.
try:
    try:
        raise KeyError("original")
    except KeyError as e:
        raise ValueError("converted") from e
except ValueError as v:
    print(type(v).__name__, v, "cause:", repr(v.__cause__), "context:", repr(v.__context__), v.__suppress_context__)
try:
    try:
        raise KeyError("original")
    except KeyError:
        raise ValueError("implicit")
except ValueError as v:
    print(type(v).__name__, v, "cause:", v.__cause__, "context:", repr(v.__context__), v.__suppress_context__)
try:
    try:
        raise KeyError("original")
    except KeyError:
        raise ValueError("suppressed") from None
except ValueError as v:
    print(type(v).__name__, v, "cause:", v.__cause__, "context:", repr(v.__context__), v.__suppress_context__)
try:
    raise RuntimeError("direct") from OSError("os")
except RuntimeError as r:
    print(repr(r), repr(r.__cause__), r.__context__)
def reraise():
    try:
        raise IndexError("again")
    except IndexError:
        print("  handling, then bare raise")
        raise
try:
    reraise()
except IndexError as e:
    print("re-raised", type(e).__name__, e)
def reraise_as_object():
    try:
        raise ValueError("obj")
    except ValueError as e:
        raise e
try:
    reraise_as_object()
except ValueError as e:
    print("raise e", e)
try:
    raise ValueError
except ValueError as e:
    print("class raised:", repr(e), e.args, str(e) == "")
try:
    raise 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    raise ValueError("x") from 5
except TypeError as e:
    print(type(e).__name__, e)
class NotAnException:
    pass
try:
    raise NotAnException
except TypeError as e:
    print(type(e).__name__, e)
try:
    raise
except RuntimeError as e:
    print(type(e).__name__, e)
e1 = ValueError("reused")
for i in range(2):
    try:
        raise e1
    except ValueError as e:
        print("reused instance", e is e1)
try:
    try:
        1 / 0
    finally:
        print("finally during ZeroDivisionError")
except ZeroDivisionError as e:
    print("context of plain exception:", e.__context__)
