# A script given arguments (script_args.args): sys.argv[0] is the script name as given.
import sys
print(sys.argv)
print(len(sys.argv), sys.argv[0])
for i, arg in enumerate(sys.argv[1:], 1):
    print(i, repr(arg))
print(sum(int(a) for a in sys.argv[1:] if a.isdigit()))
