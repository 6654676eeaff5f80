# Exception objects: args, str, repr, custom classes, hierarchy.
e = ValueError("msg", 42)
print(e.args, str(e), repr(e), len(e.args))
print(str(ValueError()), repr(ValueError()), str(ValueError("one")), repr(KeyError("k")), str(KeyError("k")))
print(str(KeyError()), str(KeyError(1, 2)), repr(IndexError(3)), str(Exception(None)), repr(Exception("a", "b")))
class AppError(Exception):
    pass
class DBError(AppError):
    def __init__(self, table, code):
        super().__init__("table %s failed with %d" % (table, code))
        self.table = table
        self.code = code
try:
    raise DBError("users", 7)
except AppError as err:
    print(type(err).__name__, err, err.table, err.code, err.args, isinstance(err, Exception))
class WithStr(Exception):
    def __str__(self):
        return "custom str"
print(str(WithStr("ignored")), repr(WithStr("x")))
class NoArgsInit(Exception):
    def __init__(self):
        pass
print(repr(NoArgsInit()), NoArgsInit().args)
for cls in [ZeroDivisionError, KeyError, IndexError, ValueError, TypeError, NameError, UnboundLocalError, AttributeError,
            RecursionError, StopIteration, OverflowError, NotImplementedError, AssertionError, KeyboardInterrupt,
            SystemExit, GeneratorExit, UnicodeDecodeError]:
    print(cls.__name__, [c.__name__ for c in cls.__mro__])
print(issubclass(KeyboardInterrupt, Exception), issubclass(SystemExit, BaseException), issubclass(StopIteration, Exception))
err = TypeError("t")
err.extra = "attached"
print(err.extra, err.__traceback__ is None)
try:
    raise err
except TypeError as caught:
    print(caught is err, caught.__traceback__ is not None)
print(Exception("a") == Exception("a"), bool(Exception()), Exception.__name__)
ex = Exception("x")
ex.args = ("changed", 2)
print(ex, ex.args)
try:
    {}["key"]
except KeyError as ke:
    print(ke.args, ke.args[0])
try:
    int("abc")
except ValueError as ve:
    print(ve.args)
print(StopIteration(5).value, StopIteration().value)
print(SystemExit(3).code, SystemExit().code, SystemExit("m").code)
