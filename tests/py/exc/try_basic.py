# try/except/else/finally in all combinations.
def run(action):
    log = []
    try:
        log.append("try")
        if action == "raise":
            raise ValueError("boom")
        if action == "other":
            raise KeyError("k")
        log.append("try-end")
    except ValueError as e:
        log.append("except ValueError: " + str(e))
    except (KeyError, IndexError) as e:
        log.append("except tuple: " + type(e).__name__)
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
for action in ["ok", "raise", "other"]:
    print(action, run(action))
try:
    pass
finally:
    print("try/finally without exception")
try:
    x = 1
except Exception:
    print("never")
else:
    print("try/except/else: else runs")
try:
    raise TypeError("t")
except:
    print("bare except caught")
try:
    try:
        raise ValueError("inner")
    finally:
        print("inner finally runs during propagation")
except ValueError as e:
    print("outer caught", e)
try:
    raise IndexError("idx")
except LookupError as e:
    print("caught via base class", type(e).__name__, e)
try:
    raise ZeroDivisionError
except ArithmeticError as e:
    print("bare class raised", type(e).__name__, repr(e), e.args)
try:
    1 / 0
except Exception as e:
    print("first matching clause wins", type(e).__name__)
except ZeroDivisionError:
    print("never")
e = "before"
try:
    raise ValueError("x")
except ValueError as e:
    pass
try:
    e
except NameError as err:
    print("except target is deleted:", type(err).__name__, err)
def nested_handlers():
    try:
        try:
            raise KeyError("a")
        except ValueError:
            return "wrong handler"
    except KeyError as k:
        return "outer handler got " + repr(k)
print(nested_handlers())
try:
    raise ValueError("first")
except ValueError:
    try:
        raise TypeError("second")
    except TypeError as t:
        print("handled inside handler:", t)
print("done")
