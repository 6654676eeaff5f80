# sys attributes that describe the interpreter, with -q and an explicit digit limit.
import sys
print(sys.version_info, sys.version_info[:2], sys.version_info.major, sys.version_info >= (3, 11))
print(sys.int_info)
print(sys.flags.int_max_str_digits, sys.flags.quiet, sys.flags.inspect, sys.flags.debug)
print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(0)
print(len(str(10 ** 5000)))
try:
    sys.set_int_max_str_digits(100)
except ValueError as e:
    print(e)
print(sys.maxsize, sys.byteorder, sys.platform, sys.maxunicode)
print(type(sys.argv), sys.argv[1:], type(sys.path[0]))
print(sys.getrecursionlimit())
sys.setrecursionlimit(500)
print(sys.getrecursionlimit())
print(sys.exc_info(), sys.exception())
try:
    raise KeyError("k")
except KeyError:
    t, v, tb = sys.exc_info()
    print(t, repr(v), tb is not None, sys.exception() is v)
